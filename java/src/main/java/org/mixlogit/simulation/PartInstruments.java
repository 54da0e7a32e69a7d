package org.mixlogit.simulation;

import java.io.Serializable;

import org.mixlogit.data.ChoiceData;

/**
 * The method of simulated moments' instrument values of a part's rows, computed from the part alone (each row's
 * value depends on its own situation and decision-maker only), so that a backend computes them where the part lives
 * and any split of the data gives the same bits. Serializable, with what it captures (the model, names, a first-step
 * estimate), never the data.
 */
@FunctionalInterface
public interface PartInstruments extends Serializable {
    /**
     * @param part the whole data or a shard of whole blocks
     * @return the part's rows x L instrument values by grouped row, row-major
     */
    double[] values(ChoiceData part);
}
