package org.mixlogit.report;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;

import org.mixlogit.data.DataFingerprint;
import org.mixlogit.estimation.CoefficientEstimate;
import org.mixlogit.estimation.EstimationResult;
import org.mixlogit.estimation.IntegrationCheck;
import org.mixlogit.estimation.SimulationNoise;
import org.mixlogit.estimation.LocalOptimum;
import org.mixlogit.inference.CovarianceType;
import org.mixlogit.io.JsonValue;
import org.mixlogit.io.JsonWriter;
import org.mixlogit.io.ModelSpecJson;
import org.mixlogit.integration.DrawType;
import org.mixlogit.integration.IntegrationConfig;
import org.mixlogit.postestimation.FittedModel;
import org.mixlogit.spec.ModelSpec;
import org.mixlogit.InvalidSpecificationException;
import org.mixlogit.msm.GmmDiagnostics;

/**
 * An estimation result as JSON, the saved form of a fit ("format": "mixlogit-result/1", documented field by
 * field in {@code docs/result-schema.md}; read back and validated by {@link SavedResult}):
 * <pre>
 * {
 *   "format": "mixlogit-result/1",
 *   "estimator": "MSLE", "loglik": -3952.49, "converged": true, "status": "CONVERGED_GRADIENT",
 *   "message": "...", "certified": true, "certification": "...",
 *   "iterations": 36, "evaluations": 40, "seconds": 0.74,
 *   "gradientNorm": 6e-7, "hessianEigenvalues": [..],
 *   "nullLoglik": ..., "plainLogitLoglik": ..., "aic": ..., "bic": ..., "rho2": ...,
 *   "counts": {"decisionMakers": 361, "situations": 4308, "rows": 17232, "parameters": 12, "panel": true},
 *   "integration": {"description": "halton, 100 draws, burn 100", "draws": 100, "type": "halton", "size": 100,
 *                   "seed": 12345, "burn": -1},
 *   "optimizer": "bfgs", "threads": 2, "level": 95,
 *   "vce": "hessian",
 *   "coefficients": [{"name": "pf", "kind": "MEAN", "estimate": .., "stderr": .., "z": .., "p": .., "lower": .., "upper": ..}],
 *   "derived": [{"name": "abs(sd.pf)", "estimate": .., "stderr": .., ...}],
 *   "covariance": {"hessian": [[..]], "opg": [[..]], "robust": [[..]], "cluster": [[..]]},
 *   "integrationCheck": null or {"replicateLoglik": [..], "replicateRule": "..", "replicateSd": ..,
 *                        "accurateLoglik": .., "accurateRule": "..", "accurateDifference": .., "seconds": ..},
 *   "simulationNoise": null or {"reestimations": K, "notConverged": 0, "flagShare": 0.1, "quantities": [{"name": .., "simulationSd": ..,
 *                       "stderr": .., "stderrSimulationSd": .., "flagged": false}]},
 *   "gmm": null (MSLE) or {"objective": .., "J": .., "df": 1, "p": .., "weighting": "two-step", "instruments": [..],
 *           "droppedInstruments": [..], "instrumentSource": "..", "weightingCondition": .., "firstStep": "..",
 *           "moments": [..]},
 *   "latentClasses": null (one population) or {"classes": 3, "meanCharacteristics": {"_cons": 1, "income": ..},
 *           "starts": 10, "emIterations": .., "emLoglik": .., "boundaries": [".."],
 *           "classBlocks": [{"class": 1, "share": .., "shareStderr": .., "posteriorShare": ..,
 *                            "coefficients": [{"name": "pf", "parameter": "class1.pf", "estimate": .., "stderr": ..}]}],
 *           "common": [{"name": "wk", "estimate": .., "stderr": ..}],
 *           "membership": [{"class": 2, "name": "_cons", "parameter": "share2._cons", "estimate": .., "stderr": ..}]},
 *   "optima": [{"loglik": .., "starts": 1, "gradientNorm": .., "converged": true}],
 *   "spec": { the model specification, see ModelSpecJson },
 *   "options": { the estimation options, see bridge.EstimationOptions },
 *   "fingerprint": {"rows": .., "situations": .., "decisionMakers": .., "attributes": [..],
 *                   "characteristics": [..], "sha256": ".."}
 * }
 * </pre>
 * Non-finite numbers (an unavailable standard error) are written as null. For MSM, "loglik" is the simulated
 * log-likelihood at the MSM estimate, "gradientNorm" that of the GMM criterion, and "hessianEigenvalues" those of
 * -G'WG.
 */
public final class ResultJson {
    private ResultJson() {
    }

    /**
     * The result alone, without the estimation options and the data's fingerprint (post-estimation then cannot
     * check its data): for reports; a fit to keep is written by {@link #write(EstimationResult, String,
     * DataFingerprint)}.
     */
    public static String write(EstimationResult r) {
        return write(r, null, null);
    }

    /** A saved form with the model-selection table of the fits it was chosen from (a range of classes). */
    public static String withModelSelection(String json, org.mixlogit.latent.ModelSelection selection) {
        JsonValue root;
        try {
            root = JsonValue.parse(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot add the model selection to the result's JSON", e);
        }
        JsonWriter out = JsonWriter.indented().startObject();
        for (String field : root.fieldNames()) {
            if (field.equals("modelSelection")) {
                LatentClassJson.selection(out, selection); // a table already there is replaced in its place
            } else {
                out.put(field, root.get(field));
            }
        }
        if (!root.has("modelSelection")) {
            LatentClassJson.selection(out, selection);
        }
        return out.endObject().finish();
    }

    /**
     * The saved form of a fit ({@code docs/result-schema.md}): the result with the estimation options (as JSON, the
     * bridge's {@code EstimationOptions} format; null to omit) and the fingerprint of the estimation data (null to
     * omit; see {@link SavedResult#fingerprint(org.mixlogit.data.ChoiceData, ModelSpec)}).
     */
    public static String write(EstimationResult r, String optionsJson, DataFingerprint fingerprint) {
        return write(r, optionsJson, fingerprint, JsonWriter.indented());
    }

    /**
     * {@link #write(EstimationResult, String, DataFingerprint)} as one line of compact JSON (the same document, no
     * white space): what the Stata plugin keeps in e(saved).
     */
    public static String writeCompact(EstimationResult r, String optionsJson, DataFingerprint fingerprint) {
        return write(r, optionsJson, fingerprint, JsonWriter.compact());
    }

    private static String write(EstimationResult r, String optionsJson, DataFingerprint fingerprint,
            JsonWriter root) {
        root.startObject();
        root.put("format", SavedResult.FORMAT);
        root.put("estimator", r.method().name());
        root.putFinite("loglik", r.logLikelihood());
        root.put("converged", r.isConverged());
        root.put("status", r.status().name());
        root.put("message", r.message());
        root.put("certified", r.isCertified());
        root.put("certification", r.certification());
        root.put("iterations", r.iterations());
        root.put("evaluations", r.evaluations());
        root.putFinite("seconds", r.seconds());
        root.putFinite("gradientNorm", r.gradientNorm());
        root.startArray("hessianEigenvalues");
        for (double e : r.hessianEigenvalues()) {
            root.value(e);
        }
        root.endArray();
        root.putFinite("nullLoglik", r.nullLogLikelihood());
        root.putFinite("plainLogitLoglik", r.plainLogitLogLikelihood());
        root.putFinite("aic", r.aic());
        root.putFinite("bic", r.bic());
        root.putFinite("rho2", r.mcFaddenRho2());
        root.startObject("counts");
        root.put("decisionMakers", r.decisionMakers());
        root.put("situations", r.situations());
        root.put("rows", r.rows());
        root.put("parameters", r.parameterCount());
        root.put("panel", r.isPanel());
        root.endObject();
        integration(root, r);
        root.put("optimizer", r.optimizer());
        root.put("threads", r.threads());
        root.putFinite("level", r.level());
        root.put("vce", r.covarianceType().code());
        root.put("cluster", r.clusterDescription());
        estimates(root.startArray("coefficients"), r.coefficients(), r.spec().layout().kinds()).endArray();
        estimates(root.startArray("derived"), r.derived(), null).endArray();
        covariance(root, r);
        integrationCheck(root, r);
        simulationNoise(root, r.simulationNoise().orElse(null));
        gmm(root, r.gmm().orElse(null));
        LatentClassJson.write(root, r);
        root.startArray("optima");
        for (LocalOptimum o : r.optima()) {
            root.startObject();
            root.putFinite("loglik", o.logLikelihood());
            root.put("starts", o.starts());
            root.putFinite("gradientNorm", o.gradientNorm());
            root.put("converged", o.converged());
            root.endObject();
        }
        root.endArray();
        ModelSpecJson.write(r.spec(), root.field("spec"));
        if (optionsJson != null) {
            try {
                root.put("options", JsonValue.parse(optionsJson));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Cannot write the result as JSON", e);
            }
        }
        if (fingerprint != null) {
            root.startObject("fingerprint");
            root.put("rows", fingerprint.rows());
            root.put("situations", fingerprint.situations());
            root.put("decisionMakers", fingerprint.decisionMakers());
            root.startArray("attributes");
            fingerprint.attributes().forEach(root::value);
            root.endArray().startArray("characteristics");
            fingerprint.characteristics().forEach(root::value);
            root.endArray();
            root.put("sha256", fingerprint.sha256());
            root.endObject();
        }
        return root.endObject().finish();
    }

    private static void integration(JsonWriter root, EstimationResult r) {
        root.startObject("integration");
        root.put("description", r.integration());
        root.put("draws", r.draws());
        IntegrationConfig used = r.integrationConfig();
        if (used != null) {
            root.put("type", used.type().code());
            root.put("size", used.draws());
            root.put("seed", used.seed());
            root.put("burn", used.burn());
            if (used.type() == DrawType.ADAPTIVE_HALTON || used.type() == DrawType.ADAPTIVE_SOBOL) {
                root.put("proposal", used.proposalDegrees());
            }
        }
        root.endObject();
    }

    private static void covariance(JsonWriter root, EstimationResult r) {
        root.startObject("covariance");
        int p = r.parameterCount();
        for (CovarianceType type : CovarianceType.values()) {
            root.startArray(type.code());
            double[] v = r.covariance(type);
            for (int i = 0; i < p; i++) {
                root.startArray();
                for (int j = 0; j < p; j++) {
                    root.finite(v[i * p + j]);
                }
                root.endArray();
            }
            root.endArray();
        }
        root.endObject();
    }

    private static void integrationCheck(JsonWriter root, EstimationResult r) {
        IntegrationCheck check = r.integrationCheck().orElse(null);
        if (check == null) {
            root.putNull("integrationCheck");
            return;
        }
        root.startObject("integrationCheck");
        root.startArray("replicateLoglik");
        for (double v : check.replicates()) {
            root.value(v);
        }
        root.endArray();
        root.put("replicateRule", check.replicateRule());
        root.putFinite("replicateSd", check.replicateStandardDeviation());
        root.putFinite("accurateLoglik", check.accurateLogLikelihood());
        root.put("accurateRule", check.accurateRule());
        root.putFinite("accurateDifference", check.accurateDifference());
        root.putFinite("seconds", r.integrationCheckSeconds());
        root.endObject();
    }

    private static void simulationNoise(JsonWriter root, SimulationNoise noise) {
        if (noise == null) {
            root.putNull("simulationNoise");
            return;
        }
        root.startObject("simulationNoise");
        root.put("reestimations", noise.reestimations());
        root.put("notConverged", noise.notConverged());
        root.put("flagShare", SimulationNoise.FLAG_SHARE);
        root.startArray("quantities");
        double[] sd = noise.estimateSd();
        double[] seSd = noise.standardErrorSd();
        double[] se = noise.standardError();
        for (int i = 0; i < sd.length; i++) {
            root.startObject();
            root.put("name", noise.names().get(i));
            root.putFinite("simulationSd", sd[i]);
            root.putFinite("stderr", se[i]);
            root.putFinite("stderrSimulationSd", seSd[i]);
            root.put("flagged", noise.flagged(i));
            root.endObject();
        }
        root.endArray().endObject();
    }

    /**
     * The fitted model of a saved result (estimates, the covariance the result shows, the specification and the
     * integration settings), for post-estimation from a file.
     *
     * @throws InvalidSpecificationException when the text is not a mixlogit result
     */
    public static FittedModel fittedModel(String json, int threads) {
        return SavedResult.read(json).fittedModel(threads);
    }

    private static void gmm(JsonWriter root, GmmDiagnostics g) {
        if (g == null) {
            root.putNull("gmm");
            return;
        }
        root.startObject("gmm");
        root.putFinite("objective", g.objective());
        root.putFinite("J", g.hansenJ());
        root.put("df", g.degreesOfFreedom());
        root.putFinite("p", g.pValue());
        root.put("weighting", g.weighting().code());
        root.startArray("instruments");
        g.instruments().forEach(root::value);
        root.endArray().startArray("droppedInstruments");
        g.droppedInstruments().forEach(root::value);
        root.endArray();
        root.put("instrumentSource", g.instrumentSource());
        root.putFinite("weightingCondition", g.weightingConditionNumber());
        root.put("firstStep", g.firstStep());
        root.startArray("moments");
        for (double m : g.moments()) {
            root.value(m);
        }
        root.endArray().endObject();
    }

    /** The coefficients' objects, each a field at a time, into the open array {@code out} (Modified); returns it. */
    private static JsonWriter estimates(JsonWriter out, List<CoefficientEstimate> list,
            List<org.mixlogit.spec.ParameterKind> kinds) {
        for (int i = 0; i < list.size(); i++) {
            CoefficientEstimate c = list.get(i);
            out.startObject();
            out.put("name", c.name());
            if (kinds != null) {
                out.put("kind", kinds.get(i).name());
            }
            out.putFinite("estimate", c.estimate());
            out.putFinite("stderr", c.standardError());
            out.putFinite("z", c.z());
            out.putFinite("p", c.pValue());
            out.putFinite("lower", c.lower());
            out.putFinite("upper", c.upper());
            out.endObject();
        }
        return out;
    }
}
