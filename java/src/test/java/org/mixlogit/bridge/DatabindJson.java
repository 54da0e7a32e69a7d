package org.mixlogit.bridge;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.mixlogit.data.DataFingerprint;
import org.mixlogit.estimation.CoefficientEstimate;
import org.mixlogit.estimation.EstimationMethod;
import org.mixlogit.estimation.EstimationResult;
import org.mixlogit.estimation.EstimatorConfig;
import org.mixlogit.estimation.IntegrationCheck;
import org.mixlogit.estimation.LocalOptimum;
import org.mixlogit.estimation.SimulationNoise;
import org.mixlogit.inference.CovarianceType;
import org.mixlogit.integration.DrawType;
import org.mixlogit.integration.IntegrationConfig;
import org.mixlogit.latent.LatentClassSummary;
import org.mixlogit.latent.ModelSelection;
import org.mixlogit.msm.GmmDiagnostics;
import org.mixlogit.msm.InstrumentChoice;
import org.mixlogit.msm.MsmConfig;
import org.mixlogit.report.SavedResult;
import org.mixlogit.spec.CoefficientSpec;
import org.mixlogit.spec.LatentClasses;
import org.mixlogit.spec.ModelSpec;
import org.mixlogit.spec.ParameterLayout;

/**
 * The oracle of {@link StreamingJsonTest}: the saved form, the specification and the estimation options as the
 * engine wrote them through Jackson's databind trees until session 6 (the code of {@code ResultJson},
 * {@code LatentClassJson}, {@code ModelSpecJson.write} and {@code EstimationOptions.write} at that time, verbatim
 * but for names), against which the streaming writers must give the same bytes.
 */
final class DatabindJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectMapper COMPACT = new ObjectMapper();
    private static final EstimatorConfig DEFAULTS = EstimatorConfig.defaults();

    private DatabindJson() {
    }

    static String withModelSelection(String json, org.mixlogit.latent.ModelSelection selection) {
        try {
            ObjectNode root = (ObjectNode) MAPPER.readTree(json);
            selection(root, selection);
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot add the model selection to the result's JSON", e);
        }
    }

    static String write(EstimationResult r, String optionsJson, DataFingerprint fingerprint) {
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
            n.put("notConverged", noise.notConverged());
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
        latentClasses(root, r);
        ArrayNode optima = root.putArray("optima");
        for (LocalOptimum o : r.optima()) {
            ObjectNode n = optima.addObject();
            number(n, "loglik", o.logLikelihood());
            n.put("starts", o.starts());
            number(n, "gradientNorm", o.gradientNorm());
            n.put("converged", o.converged());
        }
        try {
            root.set("spec", MAPPER.readTree(spec(r.spec())));
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

    static void latentClasses(ObjectNode root, EstimationResult r) {
        LatentClassSummary lc = r.latentClasses().orElse(null);
        if (lc == null) {
            root.putNull("latentClasses");
            return;
        }
        ParameterLayout layout = r.spec().layout();
        List<CoefficientEstimate> coefficients = r.coefficients();
        ObjectNode o = root.putObject("latentClasses");
        o.put("classes", lc.classes());
        ObjectNode z = o.putObject("meanCharacteristics");
        double[] mean = lc.meanCharacteristics();
        z.put(ParameterLayout.CONSTANT, mean[0]);
        List<String> membership = r.spec().latentClasses().membership();
        for (int v = 0; v < membership.size(); v++) {
            z.put(membership.get(v), mean[v + 1]);
        }
        o.put("starts", lc.starts());
        o.put("emIterations", lc.emIterations());
        number(o, "emLoglik", lc.emLogLikelihood());
        lc.boundaries().forEach(o.putArray("boundaries")::add);
        List<String> inner = layout.classLayout().names();
        boolean[] common = new boolean[inner.size()];
        for (int j = 0; j < inner.size(); j++) {
            common[j] = layout.classCount() > 1 && layout.classIndex(0, j) == layout.classIndex(1, j);
        }
        ArrayNode blocks = o.putArray("classBlocks");
        for (int c = 0; c < lc.classes(); c++) {
            ObjectNode block = blocks.addObject();
            block.put("class", c + 1);
            number(block, "share", lc.shares()[c]);
            number(block, "shareStderr", lc.shareErrors()[c]);
            number(block, "posteriorShare", lc.posteriorShares()[c]);
            ArrayNode list = block.putArray("coefficients");
            for (int j = 0; j < inner.size(); j++) {
                if (!common[j]) {
                    estimate(list.addObject(), inner.get(j), coefficients.get(layout.classIndex(c, j)));
                }
            }
        }
        ArrayNode shared = o.putArray("common");
        for (int j = 0; j < inner.size(); j++) {
            if (common[j]) {
                estimate(shared.addObject(), inner.get(j), coefficients.get(layout.classIndex(0, j)));
            }
        }
        ArrayNode share = o.putArray("membership");
        for (int c = 1; c < lc.classes(); c++) {
            for (int v = 0; v <= membership.size(); v++) {
                ObjectNode m = share.addObject();
                m.put("class", c + 1);
                estimate(m, v == 0 ? ParameterLayout.CONSTANT : membership.get(v - 1),
                        coefficients.get(layout.membershipIndex(c, v)));
            }
        }
    }

    private static void estimate(ObjectNode o, String name, CoefficientEstimate c) {
        o.put("name", name);
        o.put("parameter", c.name());
        number(o, "estimate", c.estimate());
        number(o, "stderr", c.standardError());
    }

    static void selection(ObjectNode root, ModelSelection selection) {
        ArrayNode rows = root.putArray("modelSelection");
        for (ModelSelection.Row r : selection.rows()) {
            ObjectNode o = rows.addObject();
            o.put("classes", r.classes());
            number(o, "loglik", r.logLikelihood());
            o.put("parameters", r.parameters());
            number(o, "aic", r.aic());
            number(o, "bic", r.bic());
            number(o, "caic", r.caic());
            number(o, "smallestShare", r.smallestShare());
            o.put("converged", r.isConverged());
        }
    }

    static String spec(ModelSpec spec) {
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode coefficients = root.putArray("coefficients");
        for (CoefficientSpec c : spec.coefficients()) {
            ObjectNode o = coefficients.addObject();
            o.put("attribute", c.attribute());
            o.put("distribution", c.distribution().code());
            if (c.hasZeroMean()) {
                o.put("zeroMean", true);
            }
            if (!c.heterogeneity().isEmpty()) {
                ArrayNode h = o.putArray("heterogeneity");
                c.heterogeneity().forEach(h::add);
            }
        }
        if (!spec.correlated().isEmpty()) {
            ArrayNode block = root.putArray("correlated");
            spec.correlated().forEach(block::add);
        }
        if (spec.isLatentClass()) {
            LatentClasses lc = spec.latentClasses();
            ObjectNode classes = root.putObject("latentClasses");
            classes.put("classes", lc.count());
            if (!lc.membership().isEmpty()) {
                ArrayNode m = classes.putArray("membership");
                lc.membership().forEach(m::add);
            }
            if (!lc.common().isEmpty()) {
                ArrayNode c = classes.putArray("common");
                lc.common().forEach(c::add);
            }
        }
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a model specification as JSON", e);
        }
    }

    static String options(EstimatorConfig config) {
        ObjectNode o = MAPPER.createObjectNode();
        IntegrationConfig integration = config.integration();
        o.put("draws", integration.type().code());
        o.put("R", integration.draws());
        o.put("seed", integration.seed());
        if (integration.burn() >= 0) {
            o.put("burn", integration.burn());
        }
        if (usesProposal(integration.type())) {
            o.put("proposal", integration.proposalDegrees());
        }
        o.put("starts", config.search().starts());
        o.put("optimizer", config.search().optimizer().algorithm().code());
        o.put("maxIterations", config.search().optimizer().maxIterations());
        double tolerance = config.search().optimizer().gradientTolerance();
        if (tolerance != DEFAULTS.search().optimizer().gradientTolerance()) {
            o.put("tolerance", tolerance);
        }
        o.put("vce", config.inference().covariance().code());
        if (config.inference().cluster() != null) {
            o.put("cluster", config.inference().cluster());
        }
        o.put("threads", config.threads());
        double[] start = config.search().start();
        if (start != null) {
            ArrayNode a = o.putArray("start");
            for (double v : start) {
                a.add(v);
            }
        }
        o.put("level", config.inference().level());
        o.put("method", config.method().type().code());
        if (config.method().type() == EstimationMethod.MSM) {
            MsmConfig msm = config.method().msm();
            if (msm.instruments() == InstrumentChoice.COLUMNS) {
                ArrayNode z = o.putArray("instruments");
                msm.columns().forEach(z::add);
            } else {
                o.put("instruments", msm.instruments().code());
            }
            o.put("weighting", msm.weighting().code());
        }
        try {
            return COMPACT.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the estimation options as JSON", e);
        }
    }

    private static boolean usesProposal(DrawType type) {
        return type == DrawType.ADAPTIVE_HALTON || type == DrawType.ADAPTIVE_SOBOL;
    }
}
