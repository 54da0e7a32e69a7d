package org.mixlogit.estimation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mixlogit.spec.Distribution;
import org.mixlogit.spec.LatentClasses;
import org.mixlogit.spec.ModelSpec;

/**
 * A latent class model's derived quantities: each class's own, under the class's name, and those of common random
 * coefficients once, under their own names (all classes share them), then the shares at the mean characteristics.
 */
class LatentClassDerivedTest {

    @Test
    @DisplayName("a common lognormal coefficient's moments are reported once; a class-specific normal's scale per class")
    void commonOnce() {
        ModelSpec spec = ModelSpec.builder().random("y", Distribution.LOGNORMAL).random("x", Distribution.NORMAL)
                .fixed("w").latentClasses(2, List.of(), List.of("y")).build();
        assertEquals(List.of("class1.x", "class1.w", "class1.sd.x", "class2.x", "class2.w", "class2.sd.x", "y",
                "sd.y", "share2._cons"), spec.layout().names());
        double[] theta = {0.4, 1.0, -0.7, -0.2, 2.0, 0.3, -0.5, -0.8, 0.6};
        LatentClassDerived d = new LatentClassDerived(spec, new double[] {1});
        assertEquals(List.of("class1.abs(sd.x)", "class2.abs(sd.x)", "abs(sd.y)", "mean(y)", "median(y)", "sd(y)",
                "share1", "share2"), d.names());
        double[] v = d.apply(theta);
        double pi2 = Math.exp(0.6) / (1 + Math.exp(0.6));
        double[] expected = {0.7, 0.3, 0.8, Math.exp(-0.5 + 0.32), Math.exp(-0.5),
            Math.sqrt(Math.expm1(0.64) * Math.exp(-1.0 + 0.64)), 1 - pi2, pi2};
        assertEquals(expected.length, v.length);
        for (int i = 0; i < v.length; i++) {
            assertEquals(expected[i], v[i], 1e-14, d.names().get(i));
        }
        // without common coefficients every quantity is per class
        ModelSpec own = spec.withLatentClasses(new LatentClasses(2, List.of(), List.of()));
        assertEquals(List.of("class1.abs(sd.y)", "class1.abs(sd.x)", "class1.mean(y)", "class1.median(y)",
                "class1.sd(y)", "class2.abs(sd.y)", "class2.abs(sd.x)", "class2.mean(y)", "class2.median(y)",
                "class2.sd(y)"), new LatentClassDerived(own, null).names());
    }
}
