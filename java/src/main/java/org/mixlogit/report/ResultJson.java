package org.mixlogit.report;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.mixlogit.data.DataFingerprint;
import org.mixlogit.estimation.CoefficientEstimate;
import org.mixlogit.estimation.EstimationResult;
import org.mixlogit.estimation.IntegrationCheck;
import org.mixlogit.estimation.SimulationNoise;
import org.mixlogit.estimation.LocalOptimum;
import org.mixlogit.inference.CovarianceType;
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
 *   "simulationNoise": null or {"reestimations": K, "flagShare": 0.1, "quantities": [{"name": .., "simulationSd": ..,
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
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

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
        try {
            ObjectNode root = (ObjectNode) MAPPER.readTree(json);
            LatentClassJson.selection(root, selection);
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot add the model selection to the result's JSON", e);
        }
    }

    /**
     * The saved form of a fit ({@code docs/result-schema.md}): the result with the estimation options (as JSON, the
     * bridge's {@code EstimationOptions} format; null to omit) and the fingerprint of the estimation data (null to
     * omit; see {@link SavedResult#fingerprint(org.mixlogit.data.ChoiceData, ModelSpec)}).
     */
    public static String write(EstimationResult r, String optionsJson, DataFingerprint fingerprint) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", SavedResult.FORMAT);
        root.put("estimator", r.method().name());
        number(root, "loglik", r.logLikelihood());
        root.put("converged", r.isConverged());
        root.put("status", r.status().name());
        root.put("message", r.message());
        root.put("certified", r.isCertified());
        root.put("certification", r.certification());
        root.put("iterations", r.iterations());
        root.put("evaluations", r.evaluations());
        number(root, "seconds", r.seconds());
        number(root, "gradientNorm", r.gradientNorm());
        ArrayNode eigen = root.putArray("hessianEigenvalues");
        for (double e : r.hessianEigenvalues()) {
            eigen.add(e);
        }
        number(root, "nullLoglik", r.nullLogLikelihood());
        number(root, "plainLogitLoglik", r.plainLogitLogLikelihood());
        number(root, "aic", r.aic());
        number(root, "bic", r.bic());
        number(root, "rho2", r.mcFaddenRho2());
        ObjectNode counts = root.putObject("counts");
        counts.put("decisionMakers", r.decisionMakers());
        counts.put("situations", r.situations());
        counts.put("rows", r.rows());
        counts.put("parameters", r.parameterCount());
        counts.put("panel", r.isPanel());
        ObjectNode integration = root.putObject("integration");
        integration.put("description", r.integration());
        integration.put("draws", r.draws());
        IntegrationConfig used = r.integrationConfig();
        if (used != null) {
            integration.put("type", used.type().code());
            integration.put("size", used.draws());
            integration.put("seed", used.seed());
            integration.put("burn", used.burn());
            if (used.type() == DrawType.ADAPTIVE_HALTON || used.type() == DrawType.ADAPTIVE_SOBOL) {
                integration.put("proposal", used.proposalDegrees());
            }
        }
        root.put("optimizer", r.optimizer());
        root.put("threads", r.threads());
        number(root, "level", r.level());
        root.put("vce", r.covarianceType().code());
        root.put("cluster", r.clusterDescription());
        estimates(root.putArray("coefficients"), r.coefficients(), r.spec().layout().kinds());
        estimates(root.putArray("derived"), r.derived(), null);
        ObjectNode covariance = root.putObject("covariance");
        int p = r.parameterCount();
        for (CovarianceType type : CovarianceType.values()) {
            ArrayNode rows = covariance.putArray(type.code());
            double[] v = r.covariance(type);
            for (int i = 0; i < p; i++) {
                ArrayNode row = rows.addArray();
                for (int j = 0; j < p; j++) {
                    if (Double.isFinite(v[i * p + j])) {
                        row.add(v[i * p + j]);
                    } else {
                        row.addNull();
                    }
                }
            }
        }
        IntegrationCheck check = r.integrationCheck().orElse(null);
        if (check == null) {
            root.putNull("integrationCheck");
        } else {
            ObjectNode c = root.putObject("integrationCheck");
            ArrayNode values = c.putArray("replicateLoglik");
            for (double v : check.replicates()) {
                values.add(v);
            }
            c.put("replicateRule", check.replicateRule());
            number(c, "replicateSd", check.replicateStandardDeviation());
            number(c, "accurateLoglik", check.accurateLogLikelihood());
            c.put("accurateRule", check.accurateRule());
            number(c, "accurateDifference", check.accurateDifference());
            number(c, "seconds", r.integrationCheckSeconds());
        }
        SimulationNoise noise = r.simulationNoise().orElse(null);
        if (noise == null) {
            root.putNull("simulationNoise");
        } else {
            ObjectNode n = root.putObject("simulationNoise");
            n.put("reestimations", noise.reestimations());
            n.put("flagShare", SimulationNoise.FLAG_SHARE);
            ArrayNode rows = n.putArray("quantities");
            double[] sd = noise.estimateSd();
            double[] seSd = noise.standardErrorSd();
            double[] se = noise.standardError();
            for (int i = 0; i < sd.length; i++) {
                ObjectNode q = rows.addObject();
                q.put("name", noise.names().get(i));
                number(q, "simulationSd", sd[i]);
                number(q, "stderr", se[i]);
                number(q, "stderrSimulationSd", seSd[i]);
                q.put("flagged", noise.flagged(i));
            }
        }
        gmm(root, r.gmm().orElse(null));
        LatentClassJson.write(root, r);
        ArrayNode optima = root.putArray("optima");
        for (LocalOptimum o : r.optima()) {
            ObjectNode n = optima.addObject();
            number(n, "loglik", o.logLikelihood());
            n.put("starts", o.starts());
            number(n, "gradientNorm", o.gradientNorm());
            n.put("converged", o.converged());
        }
        try {
            root.set("spec", MAPPER.readTree(ModelSpecJson.write(r.spec())));
            if (optionsJson != null) {
                root.set("options", MAPPER.readTree(optionsJson));
            }
            if (fingerprint != null) {
                ObjectNode f = root.putObject("fingerprint");
                f.put("rows", fingerprint.rows());
                f.put("situations", fingerprint.situations());
                f.put("decisionMakers", fingerprint.decisionMakers());
                fingerprint.attributes().forEach(f.putArray("attributes")::add);
                fingerprint.characteristics().forEach(f.putArray("characteristics")::add);
                f.put("sha256", fingerprint.sha256());
            }
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the result as JSON", e);
        }
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

    private static void gmm(ObjectNode root, GmmDiagnostics g) {
        if (g == null) {
            root.putNull("gmm");
            return;
        }
        ObjectNode o = root.putObject("gmm");
        number(o, "objective", g.objective());
        number(o, "J", g.hansenJ());
        o.put("df", g.degreesOfFreedom());
        number(o, "p", g.pValue());
        o.put("weighting", g.weighting().code());
        ArrayNode names = o.putArray("instruments");
        g.instruments().forEach(names::add);
        ArrayNode dropped = o.putArray("droppedInstruments");
        g.droppedInstruments().forEach(dropped::add);
        o.put("instrumentSource", g.instrumentSource());
        number(o, "weightingCondition", g.weightingConditionNumber());
        o.put("firstStep", g.firstStep());
        ArrayNode moments = o.putArray("moments");
        for (double m : g.moments()) {
            moments.add(m);
        }
    }

    private static void estimates(ArrayNode out, List<CoefficientEstimate> list,
            List<org.mixlogit.spec.ParameterKind> kinds) {
        for (int i = 0; i < list.size(); i++) {
            CoefficientEstimate c = list.get(i);
            ObjectNode o = out.addObject();
            o.put("name", c.name());
            if (kinds != null) {
                o.put("kind", kinds.get(i).name());
            }
            number(o, "estimate", c.estimate());
            number(o, "stderr", c.standardError());
            number(o, "z", c.z());
            number(o, "p", c.pValue());
            number(o, "lower", c.lower());
            number(o, "upper", c.upper());
        }
    }

    private static void number(ObjectNode node, String field, double value) {
        if (Double.isFinite(value)) {
            node.put(field, value);
        } else {
            node.putNull(field);
        }
    }
}
