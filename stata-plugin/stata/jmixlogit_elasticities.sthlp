{smcl}
{* *! version 0.1.0}{...}
{vieweralsosee "jmixlogit" "help jmixlogit"}{...}
{vieweralsosee "jmixlogit postestimation" "help jmixlogit_postestimation"}{...}
{vieweralsosee "jmixlogit_diversion" "help jmixlogit_diversion"}{...}
{viewerjumpto "Syntax" "jmixlogit_elasticities##syntax"}{...}
{viewerjumpto "Description" "jmixlogit_elasticities##description"}{...}
{viewerjumpto "Options" "jmixlogit_elasticities##options"}{...}
{viewerjumpto "Examples" "jmixlogit_elasticities##examples"}{...}
{viewerjumpto "Stored results" "jmixlogit_elasticities##results"}{...}
{viewerjumpto "References" "jmixlogit_elasticities##references"}{...}
{title:Title}

{phang}
{bf:jmixlogit_elasticities} {hline 2} Own and cross elasticities after jmixlogit


{marker syntax}{...}
{title:Syntax}

{p 8 17 2}
{cmd:jmixlogit_elasticities} {ifin}{cmd:,} {opt at:tribute(name)} [{it:options}]

{synoptset 22 tabbed}{...}
{synopthdr}
{synoptline}
{p2coldent:* {opt at:tribute(name)}}the attribute with respect to which elasticities are computed{p_end}
{synopt:{opt kr:insky(#)}}Krinsky-Robb draws of the parameters; default {cmd:krinsky(0)}, none{p_end}
{synopt:{opt rep:licates(#)}}independent draw sets for the simulation error; default {cmd:replicates(5)}{p_end}
{synopt:{opt other:data}}use the estimation sample's rows even though the data changed since the estimation (the check of the data's fingerprint is skipped){p_end}
{synoptline}
{p 4 6 2}* {opt attribute()} is required.{p_end}


{marker description}{...}
{title:Description}

{pstd}
{cmd:jmixlogit_elasticities} computes the elasticities of the share of each alternative ({it:from}, rows) with
respect to the attribute of each alternative ({it:to}, columns), own elasticities on the diagonal, from the
last {cmd:jmixlogit} estimates on the estimation sample (intersected with {it:if} and {it:in}). Situation-level
elasticities are aggregated within each market by alternative, weighted by shares and estimation weights.
Standard errors are by the delta method from {cmd:e(V)}. The matrices have the layout of
{helpb jmixlogit_diversion}: stacked by market with the market as row equation, labels made into Stata names,
missing where undefined.


{marker options}{...}
{title:Options}

{phang}
{opt attribute(name)} is required and must be one of the model's attributes (error 198 otherwise).

{phang}
{opt krinsky(#)} and {opt replicates(#)} are as in {helpb jmixlogit_diversion}.


{marker examples}{...}
{title:Examples}

{phang2}{cmd:. jmixlogit choice, group(chid) id(id) rand(pf cl loc wk tod seas) alternatives(alt)}{p_end}
{phang2}{cmd:. jmixlogit_elasticities, attribute(pf)}{p_end}
{phang2}{cmd:. matrix list r(E)}{p_end}


{marker results}{...}
{title:Stored results}

{pstd}
{cmd:jmixlogit_elasticities} stores the following in {cmd:r()}:

{synoptset 20 tabbed}{...}
{p2col 5 20 24 2: Scalars}{p_end}
{synopt:{cmd:r(krinsky)}}Krinsky-Robb draws{p_end}
{synopt:{cmd:r(replicates)}}draw sets for the simulation error{p_end}

{p2col 5 20 24 2: Macros}{p_end}
{synopt:{cmd:r(attribute)}}the attribute{p_end}
{synopt:{cmd:r(title)}}title of the table{p_end}

{p2col 5 20 24 2: Matrices}{p_end}
{synopt:{cmd:r(E)}}elasticities, rows from, columns to (stacked by market){p_end}
{synopt:{cmd:r(se)}}delta-method standard errors{p_end}
{synopt:{cmd:r(sim)}}simulation errors (with {opt replicates()} > 0){p_end}
{synopt:{cmd:r(kr_se)}}Krinsky-Robb standard deviations (with {opt krinsky()} > 0){p_end}
{synopt:{cmd:r(kr_lb)}, {cmd:r(kr_ub)}}Krinsky-Robb percentile interval at {cmd:e(level)}{p_end}


{marker references}{...}
{title:References}

{phang}
Krinsky, I., and A. L. Robb. 1986. On approximating the statistical properties of elasticities. {it:Review of
Economics and Statistics} 68: 715-719.

{phang}
Train, K. E. 2009. {it:Discrete Choice Methods with Simulation}. 2nd ed. Cambridge: Cambridge University Press.
