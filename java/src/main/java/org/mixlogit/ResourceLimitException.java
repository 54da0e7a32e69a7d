package org.mixlogit;

/**
 * A run would need more memory or work than is available or allowed: more bytes than the JVM's heap can hold, or an
 * integration grid above its documented cap. Thrown before anything is allocated; the message gives the figure,
 * the limit and what to change (fewer draws or a lower level, a larger heap, node caching off).
 */
public class ResourceLimitException extends MixlogitException {
    private static final long serialVersionUID = 1L;

    public ResourceLimitException(String message) {
        super(message);
    }
}
