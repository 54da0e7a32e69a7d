{smcl}
{* *! version 0.1.0}{...}
{vieweralsosee "jmixlogit" "help jmixlogit"}{...}
{vieweralsosee "jmixlogit postestimation" "help jmixlogit_postestimation"}{...}
{viewerjumpto "Syntax" "jmixlogit_cov##syntax"}{...}
{viewerjumpto "Description" "jmixlogit_cov##description"}{...}
{viewerjumpto "Stored results" "jmixlogit_cov##results"}{...}
{title:Title}

{phang}
{bf:jmixlogit_cov} {hline 2} Covariances, standard deviations and correlations of correlated random
coefficients after {cmd:jmixlogit, corr}


{marker syntax}{...}
{title:Syntax}

{p 8 16 2}
{cmd:jmixlogit_cov} [{cmd:,} {it:options}]

{p 8 16 2}
{cmd:estat cov} [{cmd:,} {it:options}]

{synoptset 20 tabbed}{...}
{synopthdr}
{synoptline}
{synopt:{opt other:data}}accepted for symmetry with the other post-estimation commands; the results do not depend on the data{p_end}
{synoptline}


{marker description}{...}
{title:Description}

{pstd}
After {cmd:jmixlogit} with {opt corr}, the parameters of the random part are the elements of the Cholesky
factor L of the covariance matrix Sigma = L L' (equations {cmd:l11}, {cmd:l21}, ...). {cmd:jmixlogit_cov}, like
Hole's {cmd:mixlcov}, reports Sigma, the standard deviations sqrt(Sigma_kk) and the correlations, each with its
delta-method standard error computed by the engine from {cmd:e(V)}. For a lognormal coefficient the row is that
of its logarithm (the underlying normal), as in {cmd:mixlogit}. It needs a model estimated with {opt corr}
(error 321 otherwise), and no data: it works after {cmd:estimates use} or with other data in memory.


{marker results}{...}
{title:Stored results}

{synoptset 20 tabbed}{...}
{p2col 5 20 24 2: Matrices}{p_end}
{synopt:{cmd:r(cov)}}covariance matrix Sigma{p_end}
{synopt:{cmd:r(cov_se)}}its standard errors{p_end}
{synopt:{cmd:r(sd)}}standard deviations{p_end}
{synopt:{cmd:r(sd_se)}}their standard errors{p_end}
{synopt:{cmd:r(corr)}}correlation matrix{p_end}
{synopt:{cmd:r(corr_se)}}its standard errors (0 on the diagonal){p_end}

{p2col 5 20 24 2: Macros}{p_end}
{synopt:{cmd:r(title)}}title of the table{p_end}
{synopt:{cmd:r(fit_warning)}}the engine's warning about the fit, empty for a sound fit{p_end}
