package org.failback.domain.pool;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A data centre. */
@Entity
@Table(name = "site")
public class Site {

    @Id
    private Integer id;

    @Column(nullable = false, unique = true, length = 64)
    private String name;

    protected Site() {}

    public Site(int id, PoolName name) {
        this.id = id;
        this.name = name.value();
    }

    public Integer getId() {
        return id;
    }

    public String getName() {
        return name;
    }
}
