package org.mixlogit.simulation;

import java.io.Serializable;

import org.mixlogit.data.ChoiceData;

/**
 * A data-only sum over decision-makers that prepares something per part before its decision-makers' terms (the
 * latent class EM's class logits and membership design, built once per part and pass): the block partials of one
 * part, in the canonical order of {@link BlockPartials} (for example through {@link DataSums#partials} with a term
 * bound to the prepared state). Computed where the data live by {@link Backend#partials}; serializable, with what it
 * captures (the model, the parameters), never the data.
 */
@FunctionalInterface
public interface PartSums extends Serializable {
    /**
     * @param part the whole data or a shard of whole blocks (decision-makers keep their ordinals)
     * @return the part's block partials
     */
    BlockPartials partials(ChoiceData part);
}
