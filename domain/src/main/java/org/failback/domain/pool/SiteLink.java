package org.failback.domain.pool;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** Whether two sites have a low-latency, high-bandwidth link (seed 003: where active chat servers may live). */
@Entity
@Table(name = "site_link")
public class SiteLink {

    @EmbeddedId
    private Key key;

    @Column(name = "low_latency", nullable = false)
    private boolean lowLatency;

    protected SiteLink() {}

    public SiteLink(Site one, Site other, boolean lowLatency) {
        this.key = Key.of(one.getId(), other.getId());
        this.lowLatency = lowLatency;
    }

    public boolean isLowLatency() {
        return lowLatency;
    }

    /** The pair of sites, stored once with the smaller id first. */
    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "site_a")
        private int siteA;

        @Column(name = "site_b")
        private int siteB;

        protected Key() {}

        public static Key of(int one, int other) {
            Key key = new Key();
            key.siteA = Math.min(one, other);
            key.siteB = Math.max(one, other);
            return key;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.siteA == siteA && k.siteB == siteB;
        }

        @Override
        public int hashCode() {
            return Objects.hash(siteA, siteB);
        }
    }
}
