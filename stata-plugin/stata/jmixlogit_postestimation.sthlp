{smcl}
{* *! version 0.1.0}{...}
{vieweralsosee "jmixlogit" "help jmixlogit"}{...}
{vieweralsosee "jmixlogit_diversion" "help jmixlogit_diversion"}{...}
{vieweralsosee "jmixlogit_elasticities" "help jmixlogit_elasticities"}{...}
{vieweralsosee "jmixlogit_wtp" "help jmixlogit_wtp"}{...}
{viewerjumpto "Syntax" "jmixlogit_postestimation##syntax"}{...}
{viewerjumpto "Description" "jmixlogit_postestimation##description"}{...}
{viewerjumpto "Options" "jmixlogit_postestimation##options"}{...}
{viewerjumpto "Examples" "jmixlogit_postestimation##examples"}{...}
{viewerjumpto "Stored results" "jmixlogit_postestimation##results"}{...}
{viewerjumpto "References" "jmixlogit_postestimation##references"}{...}
{title:Title}

{phang}
{bf:jmixlogit postestimation} {hline 2} Postestimation tools for jmixlogit


{marker syntax}{...}
{title:Syntax}

{p 8 16 2}
{cmd:predict} [{it:type}] {newvar} {ifin} [{cmd:,} {it:statistic}]

{synoptset 20 tabbed}{...}
{synopthdr:statistic}
{synoptline}
{synopt:{opt pr}}probability of each alternative, integrated over the coefficient distribution; the default{p_end}
{synopt:{opt cond:itional}}probability of each alternative conditional on the decision-maker's observed choices{p_end}
{synopt:{opt coef(name)}}the decision-maker's conditional mean of the coefficient of attribute {it:name}{p_end}
{synopt:{opt cl:ass(#)}}after {cmd:nclasses()}: with {opt pr}, the probability of each alternative in class {it:#}; with {opt posterior}, that class's posterior probability only{p_end}
{synopt:{opt post:erior}}after {cmd:nclasses()}: posterior class probabilities given the decision-maker's choices, in {it:newvar}{cmd:1}, {it:newvar}{cmd:2}, ...{p_end}
{synopt:{opt mod:al}}after {cmd:nclasses()}: the modal class, the one with the largest posterior probability{p_end}
{synopt:{opt other:data}}use the estimation sample's rows even though the data changed since the estimation (the check of the data's fingerprint is skipped){p_end}
{synoptline}

{pstd}
Besides {cmd:predict}, the following commands work after {cmd:jmixlogit}:

{synoptset 26}{...}
{synopt:{helpb jmixlogit_diversion}}diversion ratios (product removal or marginal), matrices in {cmd:r()}{p_end}
{synopt:{helpb jmixlogit_elasticities}}own and cross elasticities of the shares, matrices in {cmd:r()}{p_end}
{synopt:{helpb jmixlogit_wtp}}willingness to pay (its population distribution; per latent class after {cmd:nclasses()}), matrices in {cmd:r()}{p_end}
{synopt:{helpb jmixlogit_cov}}covariances, standard deviations and correlations of correlated coefficients ({cmd:estat cov}){p_end}
{synopt:{cmd:estat ic}}information criteria (after {cmd:estimator(msle)} only){p_end}


{marker description}{...}
{title:Description}

{pstd}
{cmd:predict} computes, for the observations in {it:if} and {it:in} with complete data, the model's
probabilities or conditional coefficients, with the estimation's draws ({cmd:e(draws)}, {cmd:e(nrep)}).
A choice situation is used whole or not at all: one with a missing value in one of its alternatives (unless the
estimation was {cmd:altwise}), or of which {it:if}/{it:in} keeps only some of the estimation's alternatives, is
left out (its observations get missing values), with a note saying how many observations.

{pstd}
The Java plugin keeps nothing between calls: it restores the fit from its saved form {cmd:e(saved)} and reads
the data again. Draws follow each decision-maker's rank among the ids of the data the engine receives, so
{cmd:predict} also reads, for each decision-maker of the estimation sample none of whose observations is asked
for, one complete choice situation of it (and stores nothing there): every decision-maker of the estimation
sample then receives the draws it had in the estimation whichever observations are predicted, and
{cmd:predict p}, {cmd:predict p if e(sample)} and {cmd:predict p if id == 7} agree on the observations they
share. Conditional statistics condition on the choices of the observations asked for. Decision-makers outside
the estimation sample take the next draws, in the order of their ids (predictions there are simulations with
other, equally valid, draws); a note says when a decision-maker of the estimation sample has no complete choice
situation left in the data (then some take other draws). The aggregates of
{helpb jmixlogit_diversion}, {helpb jmixlogit_elasticities} and {helpb jmixlogit_wtp} with {it:if} or {it:in}
use only the observations selected, whose decision-makers then take draws by their order among themselves:
another simulation, as valid, whose numbers differ from the whole sample's by simulation error. When the observations used are exactly {cmd:e(sample)}, the
data must be those of the estimation: their fingerprint (counts and a checksum of the values the model uses)
is compared with the saved one, and a difference is error 198 saying how they differ; {opt otherdata}
proceeds on purpose. After a fit that did not converge or is not certified, post-estimation prints the
engine's warning and leaves it in {cmd:r(fit_warning)} (and, for {cmd:predict}, in a note on the new variable).

{pstd}
Specify type {cmd:double} to keep the full precision of the engine.


{marker options}{...}
{title:Options for predict}

{phang}
{opt pr}, the default, is the unconditional (integrated) probability that the alternative is chosen. It does
not use the dependent variable, so it works on data without observed choices.

{phang}
{opt conditional} is the probability of each alternative in each choice situation conditional on all the
decision-maker's observed choices in the data (Train 2009, ch. 11), a prediction for known decision-makers.

{phang}
{opt coef(name)} is E[beta | choices], the mean of the coefficient of attribute {it:name} conditional on the
decision-maker's observed choices, stored on every observation of the decision-maker. {it:name} must be one
of the model's attributes (variables in {cmd:e(fixed)}, {cmd:e(random)} or {cmd:e(ln)}); the attribute is a
variable of the alternatives, the result is constant within decision-maker.

{phang}
{opt class(#)}, after a latent class model ({cmd:jmixlogit} with {cmd:nclasses()}), with {opt pr} (or alone)
is the probability of each alternative if the decision-maker belonged to class {it:#} ({cmd:lclogitpr2}'s
{cmd:pr class()}); it does not use the dependent variable. {opt pr} alone is the probability averaged over the
classes with the decision-maker's class shares.

{phang}
{opt posterior}, after a latent class model, is the posterior probability of each class given all of the
decision-maker's observed choices, h_nc = pi_nc L_nc / sum_s pi_ns L_ns ({cmd:lclogitpr2}'s {cmd:cp}), stored in
the new variables {it:newvar}{cmd:1}, {it:newvar}{cmd:2}, ... (one per class, constant within decision-maker; with
{opt class(#)} only {it:newvar}, that class's). They sum to one.

{phang}
{opt modal}, after a latent class model, is the decision-maker's modal class: the class (1, 2, ...) with the
largest posterior probability given their choices (the first of equal ones), constant within decision-maker.


{marker examples}{...}
{title:Examples}

{phang2}{cmd:. jmixlogit choice, group(chid) id(id) rand(pf cl loc wk tod seas) alternatives(alt)}{p_end}
{phang2}{cmd:. predict double p}{p_end}
{phang2}{cmd:. predict double pc, conditional}{p_end}
{phang2}{cmd:. predict double b_pf, coef(pf)}{p_end}
{phang2}{cmd:. jmixlogit_diversion}{p_end}
{phang2}{cmd:. jmixlogit_elasticities, attribute(pf)}{p_end}
{phang2}{cmd:. jmixlogit choice pf cl loc wk tod seas, group(chid) id(id) nclasses(2) common(cl)}{p_end}
{phang2}{cmd:. predict double p2, pr class(2)}{p_end}
{phang2}{cmd:. predict double h, posterior}{p_end}
{phang2}{cmd:. predict byte modal, modal}{p_end}
{phang2}{cmd:. jmixlogit_wtp, attribute(loc) cost(pf)}{p_end}


{marker results}{...}
{title:Stored results}

{pstd}
{cmd:predict} stores {cmd:r(fit_warning)} (empty for a sound fit); see {helpb jmixlogit_diversion}, {helpb jmixlogit_elasticities} and {helpb jmixlogit_wtp}.


{marker references}{...}
{title:References}

{phang}
Train, K. E. 2009. {it:Discrete Choice Methods with Simulation}. 2nd ed. Cambridge: Cambridge University Press.
