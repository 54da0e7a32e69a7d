{smcl}
{* *! version 0.1.0}{...}
{vieweralsosee "jmixlogit" "help jmixlogit"}{...}
{vieweralsosee "jmixlogit_diversion" "help jmixlogit_diversion"}{...}
{vieweralsosee "jmixlogit_elasticities" "help jmixlogit_elasticities"}{...}
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
{synoptline}

{pstd}
Besides {cmd:predict}, the following commands work after {cmd:jmixlogit}:

{synoptset 26}{...}
{synopt:{helpb jmixlogit_diversion}}diversion ratios (product removal or marginal), matrices in {cmd:r()}{p_end}
{synopt:{helpb jmixlogit_elasticities}}own and cross elasticities of the shares, matrices in {cmd:r()}{p_end}


{marker description}{...}
{title:Description}

{pstd}
{cmd:predict} computes, for the observations in {it:if} and {it:in} with complete data, the model's
probabilities or conditional coefficients, with the estimation's draws ({cmd:e(draws)}, {cmd:e(nrep)}).
Every choice situation used must be complete (all its alternatives in the sample). The Java plugin keeps
nothing between calls: it rebuilds the model from {cmd:e(b)}, {cmd:e(spec_json)} and {cmd:e(options_json)}
and reads the data again. Decision-makers receive the same draws as in the estimation when the sample is
{cmd:e(sample)}; on other observations the draws are assigned in the order of the decision-makers' ids, so
predictions there are simulations with different (equally valid) draws.

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


{marker examples}{...}
{title:Examples}

{phang2}{cmd:. jmixlogit choice, group(chid) id(id) rand(pf cl loc wk tod seas) alternatives(alt)}{p_end}
{phang2}{cmd:. predict double p}{p_end}
{phang2}{cmd:. predict double pc, conditional}{p_end}
{phang2}{cmd:. predict double b_pf, coef(pf)}{p_end}
{phang2}{cmd:. jmixlogit_diversion}{p_end}
{phang2}{cmd:. jmixlogit_elasticities, attribute(pf)}{p_end}


{marker results}{...}
{title:Stored results}

{pstd}
{cmd:predict} stores nothing in {cmd:r()}; see {helpb jmixlogit_diversion} and {helpb jmixlogit_elasticities}.


{marker references}{...}
{title:References}

{phang}
Train, K. E. 2009. {it:Discrete Choice Methods with Simulation}. 2nd ed. Cambridge: Cambridge University Press.
