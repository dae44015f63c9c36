package org.failback.domain.registrar;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** One entry in a user's contacts list. Adding one is a persistent change: refused in resiliency mode. */
@Entity
@Table(name = "contact")
public class Contact {

    @EmbeddedId
    private Key key;

    protected Contact() {}

    public Contact(long ownerId, SipUri contact) {
        this.key = new Key(ownerId, contact.value());
    }

    public String getContactSip() {
        return key.contactSip;
    }

    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "owner_id")
        private long ownerId;

        @Column(name = "contact_sip", length = 254)
        private String contactSip;

        protected Key() {}

        Key(long ownerId, String contactSip) {
            this.ownerId = ownerId;
            this.contactSip = contactSip;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.ownerId == ownerId && k.contactSip.equals(contactSip);
        }

        @Override
        public int hashCode() {
            return Objects.hash(ownerId, contactSip);
        }
    }
}
