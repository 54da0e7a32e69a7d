{smcl}
{* *! version 0.1.0}{...}
{vieweralsosee "jmixlogit" "help jmixlogit"}{...}
{vieweralsosee "jmixlogit postestimation" "help jmixlogit_postestimation"}{...}
{viewerjumpto "Syntax" "jmixlogit_wtp##syntax"}{...}
{viewerjumpto "Description" "jmixlogit_wtp##description"}{...}
{viewerjumpto "Options" "jmixlogit_wtp##options"}{...}
{viewerjumpto "Examples" "jmixlogit_wtp##examples"}{...}
{viewerjumpto "Stored results" "jmixlogit_wtp##results"}{...}
{viewerjumpto "References" "jmixlogit_wtp##references"}{...}
{title:Title}

{phang}
{bf:jmixlogit_wtp} {hline 2} Willingness to pay after jmixlogit, per latent class after nclasses()


{marker syntax}{...}
{title:Syntax}

{p 8 17 2}
{cmd:jmixlogit_wtp} {ifin}{cmd:,} {opt at:tribute(name)} {opt co:st(name)} [{it:options}]

{synoptset 22 tabbed}{...}
{synopthdr}
{synoptline}
{p2coldent:* {opt at:tribute(name)}}the attribute to value{p_end}
{p2coldent:* {opt co:st(name)}}the cost attribute, whose coefficient is the marginal utility of money{p_end}
{synopt:{opt neg:ated}}the cost variable entered utility negated (for example a lognormal coefficient of minus the price){p_end}
{synopt:{opt kr:insky(#)}}Krinsky-Robb draws of the parameters (mixed logit only); default {cmd:krinsky(0)}, none{p_end}
{synopt:{opt rep:licates(#)}}independent draw sets for the simulation error (mixed logit only); default {cmd:replicates(0)}, none{p_end}
{synopt:{opt other:data}}use the estimation sample's rows even though the data changed since the estimation (the check of the data's fingerprint is skipped){p_end}
{synoptline}
{p 4 6 2}* {opt attribute()} and {opt cost()} are required.{p_end}


{marker description}{...}
{title:Description}

{pstd}
{cmd:jmixlogit_wtp} computes the willingness to pay for {opt attribute()} in units of {opt cost()},
-b(attribute) / b(cost): the change in the cost that leaves utility unchanged when the attribute rises by one
unit, from the last {cmd:jmixlogit} estimates on the estimation sample. Standard errors are by the delta method
from {cmd:e(V)}.

{pstd}
After a mixed logit the ratio has a distribution in the population: its mean, median and 5th, 25th, 75th and
95th percentiles over the estimation's draws, one row {cmd:Population} (a normal cost coefficient, which can be
near zero, gives a ratio without a finite mean: read the median and percentiles).

{pstd}
After {cmd:jmixlogit, nclasses()} the willingness to pay is per latent class, one row per class ({cmd:Class1},
{cmd:Class2}, ...). When the attribute's and the cost's coefficients are fixed within classes it is one value per
class, -b_c(attribute) / b_c(cost) (column {cmd:mean}). When either is random within classes (a latent class
mixed logit: {opt rand()} or {opt ln()} with {opt nclasses()}), each class has the distribution of the ratio over
the estimation's draws with the class's parameters, columns {cmd:mean}, {cmd:median}, {cmd:q05}, {cmd:q25},
{cmd:q75} and {cmd:q95}, each with its delta-method standard error. These are the numbers of the R package's
{cmd:wtp()} and of the command-line tool's {cmd:wtp} for the same fit.


{marker options}{...}
{title:Options}

{phang}
{opt attribute(name)} and {opt cost(name)} are required and must be two different attributes of the model (error
198 otherwise).

{phang}
{opt negated} says that the cost variable entered utility with its sign reversed (as Hole's examples enter minus
the price with a lognormal coefficient): the willingness to pay is then b(attribute) / b(cost); every statistic
changes sign and the 5th and 95th (25th and 75th) percentiles trade places.

{phang}
{opt krinsky(#)} and {opt replicates(#)} are as in {helpb jmixlogit_diversion}, for a mixed logit; after
{opt nclasses()} they are error 198 (per class the errors are by the delta method).


{marker examples}{...}
{title:Examples}

{pstd}Mixed logit{p_end}
{phang2}{cmd:. jmixlogit choice pf, group(chid) id(id) rand(cl loc wk tod seas)}{p_end}
{phang2}{cmd:. jmixlogit_wtp, attribute(loc) cost(pf)}{p_end}

{pstd}Latent class mixed logit: loc random within each of two classes{p_end}
{phang2}{cmd:. jmixlogit choice pf cl wk tod seas, group(chid) id(id) rand(loc) nclasses(2)}{p_end}
{phang2}{cmd:. jmixlogit_wtp, attribute(loc) cost(pf)}{p_end}
{phang2}{cmd:. matrix list r(wtp)}{p_end}


{marker results}{...}
{title:Stored results}

{pstd}
{cmd:jmixlogit_wtp} stores the following in {cmd:r()}:

{synoptset 20 tabbed}{...}
{p2col 5 20 24 2: Scalars}{p_end}
{synopt:{cmd:r(krinsky)}}Krinsky-Robb draws{p_end}
{synopt:{cmd:r(replicates)}}draw sets for the simulation error{p_end}

{p2col 5 20 24 2: Macros}{p_end}
{synopt:{cmd:r(attribute)}}the attribute{p_end}
{synopt:{cmd:r(cost)}}the cost attribute{p_end}
{synopt:{cmd:r(negated)}}{cmd:negated} or empty{p_end}
{synopt:{cmd:r(title)}}title of the table{p_end}

{p2col 5 20 24 2: Matrices}{p_end}
{synopt:{cmd:r(wtp)}}willingness to pay: row {cmd:Population} or one row per class; columns {cmd:mean} (and {cmd:median}, {cmd:q05}, {cmd:q25}, {cmd:q75}, {cmd:q95} for a distribution){p_end}
{synopt:{cmd:r(se)}}delta-method standard errors{p_end}
{synopt:{cmd:r(sim)}}simulation errors (with {opt replicates()} > 0){p_end}
{synopt:{cmd:r(kr_se)}}Krinsky-Robb standard deviations (with {opt krinsky()} > 0){p_end}
{synopt:{cmd:r(kr_lb)}, {cmd:r(kr_ub)}}Krinsky-Robb percentile interval at {cmd:e(level)}{p_end}


{marker references}{...}
{title:References}

{phang}
Hole, A. R. 2007. A comparison of approaches to estimating confidence intervals for willingness to pay measures.
{it:Health Economics} 16: 827-840.

{phang}
Train, K. E. 2009. {it:Discrete Choice Methods with Simulation}. 2nd ed. Cambridge: Cambridge University Press.
