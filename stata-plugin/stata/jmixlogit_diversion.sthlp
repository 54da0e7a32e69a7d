{smcl}
{* *! version 0.1.0}{...}
{vieweralsosee "jmixlogit" "help jmixlogit"}{...}
{vieweralsosee "jmixlogit postestimation" "help jmixlogit_postestimation"}{...}
{vieweralsosee "jmixlogit_elasticities" "help jmixlogit_elasticities"}{...}
{viewerjumpto "Syntax" "jmixlogit_diversion##syntax"}{...}
{viewerjumpto "Description" "jmixlogit_diversion##description"}{...}
{viewerjumpto "Options" "jmixlogit_diversion##options"}{...}
{viewerjumpto "Examples" "jmixlogit_diversion##examples"}{...}
{viewerjumpto "Stored results" "jmixlogit_diversion##results"}{...}
{viewerjumpto "References" "jmixlogit_diversion##references"}{...}
{title:Title}

{phang}
{bf:jmixlogit_diversion} {hline 2} Diversion ratios after jmixlogit


{marker syntax}{...}
{title:Syntax}

{p 8 17 2}
{cmd:jmixlogit_diversion} {ifin} [{cmd:,} {it:options}]

{synoptset 22 tabbed}{...}
{synopthdr}
{synoptline}
{synopt:{opt at:tribute(name)}}the attribute whose change diverts demand (marginal diversion){p_end}
{synopt:{opt type(type)}}{cmd:removal} (product removal, the default without {opt attribute()}) or {cmd:marginal} (the default with it){p_end}
{synopt:{opt kr:insky(#)}}Krinsky-Robb draws of the parameters; default {cmd:krinsky(0)}, none{p_end}
{synopt:{opt rep:licates(#)}}independent draw sets for the simulation error; default {cmd:replicates(5)}{p_end}
{synopt:{opt other:data}}use the estimation sample's rows even though the data changed since the estimation (the check of the data's fingerprint is skipped){p_end}
{synoptline}


{marker description}{...}
{title:Description}

{pstd}
{cmd:jmixlogit_diversion} computes diversion ratios (Conlon and Mortimer 2021) from the last {cmd:jmixlogit}
estimates on the estimation sample (intersected with {it:if} and {it:in}): the share of the demand that
alternative {it:from} loses which goes to alternative {it:to}. Situation-level ratios are aggregated within each
market ({cmd:e(market)}) by alternative ({cmd:e(alternatives)}, so the estimation must have named them with
{opt alternatives(varname)}: without it the command is error 198), weighted by shares and by the estimation weights. Standard errors are by the
delta method from {cmd:e(V)}; simulation errors are the spread over independent draw sets. The command
prints the matrices and returns them in {cmd:r()}.

{pstd}
Layout: rows are {it:from}, columns {it:to}, one row and column per alternative (row and column names are the
labels made into Stata names: "1" becomes {cmd:_1}, spaces become underscores). With several markets the
blocks of rows are stacked in market order and the market is the row equation ({it:market}{cmd::}{it:from});
with one market the rows have no equation. Entries that are not defined, such as the diagonal or a pair of
alternatives never offered together in a market, are missing ({cmd:.}).


{marker options}{...}
{title:Options}

{phang}
{opt attribute(name)} names the attribute (a variable of the model) whose marginal change in {it:from} diverts
demand; with it, {opt type()} defaults to {cmd:marginal}. {cmd:type(marginal)} without {opt attribute()} is an
error (198).

{phang}
{opt type(type)}: {cmd:removal} is second-choice diversion when {it:from} is removed from the choice sets;
{cmd:marginal} is the diversion after a small change in {opt attribute()} of {it:from}.

{phang}
{opt krinsky(#)} adds Krinsky-Robb standard deviations and percentile intervals from # draws of the parameters
from their estimated normal distribution (0 for none, else at least 2).

{phang}
{opt replicates(#)} sets the number of independent draw sets whose spread is the simulation error (0 for none,
else at least 2).


{marker examples}{...}
{title:Examples}

{phang2}{cmd:. jmixlogit choice, group(chid) id(id) rand(pf cl loc wk tod seas) alternatives(alt)}{p_end}
{phang2}{cmd:. jmixlogit_diversion}{p_end}
{phang2}{cmd:. jmixlogit_diversion, attribute(pf) krinsky(200)}{p_end}
{phang2}{cmd:. matrix list r(D)}{p_end}


{marker results}{...}
{title:Stored results}

{pstd}
{cmd:jmixlogit_diversion} stores the following in {cmd:r()}:

{synoptset 20 tabbed}{...}
{p2col 5 20 24 2: Scalars}{p_end}
{synopt:{cmd:r(krinsky)}}Krinsky-Robb draws{p_end}
{synopt:{cmd:r(replicates)}}draw sets for the simulation error{p_end}

{p2col 5 20 24 2: Macros}{p_end}
{synopt:{cmd:r(type)}}{cmd:removal} or {cmd:marginal}{p_end}
{synopt:{cmd:r(attribute)}}the attribute of marginal diversion{p_end}
{synopt:{cmd:r(title)}}title of the table{p_end}

{p2col 5 20 24 2: Matrices}{p_end}
{synopt:{cmd:r(D)}}diversion ratios, rows from, columns to (stacked by market){p_end}
{synopt:{cmd:r(se)}}delta-method standard errors{p_end}
{synopt:{cmd:r(sim)}}simulation errors (with {opt replicates()} > 0){p_end}
{synopt:{cmd:r(kr_se)}}Krinsky-Robb standard deviations (with {opt krinsky()} > 0){p_end}
{synopt:{cmd:r(kr_lb)}, {cmd:r(kr_ub)}}Krinsky-Robb percentile interval at {cmd:e(level)}{p_end}


{marker references}{...}
{title:References}

{phang}
Conlon, C., and J. H. Mortimer. 2021. Empirical properties of diversion ratios. {it:RAND Journal of
Economics} 52: 693-726.

{phang}
Krinsky, I., and A. L. Robb. 1986. On approximating the statistical properties of elasticities. {it:Review of
Economics and Statistics} 68: 715-719.
