{smcl}
{* *! version 0.1.0}{...}
{vieweralsosee "[CM] cmmixlogit" "help cmmixlogit"}{...}
{vieweralsosee "mixlogit (SSC)" "help mixlogit"}{...}
{vieweralsosee "jmixlogit postestimation" "help jmixlogit_postestimation"}{...}
{viewerjumpto "Syntax" "jmixlogit##syntax"}{...}
{viewerjumpto "Description" "jmixlogit##description"}{...}
{viewerjumpto "Options" "jmixlogit##options"}{...}
{viewerjumpto "Examples" "jmixlogit##examples"}{...}
{viewerjumpto "Stored results" "jmixlogit##results"}{...}
{viewerjumpto "References" "jmixlogit##references"}{...}
{title:Title}

{phang}
{bf:jmixlogit} {hline 2} Mixed logit by maximum simulated likelihood or the method of simulated moments on the
mixlogit Java engine


{marker syntax}{...}
{title:Syntax}

{p 8 17 2}
{cmd:jmixlogit} {depvar} [{indepvars}] {ifin} {weight}{cmd:,}
{opt gr:oup(varname)} [{it:options}]

{synoptset 26 tabbed}{...}
{synopthdr}
{synoptline}
{syntab:Model}
{p2coldent:* {opt gr:oup(varname)}}identifier of the choice situations{p_end}
{synopt:{opt id(varname)}}identifier of the decision-makers (panel): one draw of the coefficients per decision-maker{p_end}
{synopt:{opt rand:om(varlist)}}variables with normally distributed coefficients{p_end}
{synopt:{opt ln(varlist)}}variables with lognormally distributed coefficients{p_end}
{synopt:{opt corr}}correlated random coefficients (lower Cholesky factor){p_end}
{synopt:{opt alt:ernatives(varname)}}identifier of the alternatives (numeric or string), for post-estimation{p_end}
{synopt:{opt mark:et(varname)}}market of each choice situation (numeric or string), for post-estimation{p_end}

{syntab:Integration}
{synopt:{opt nrep(#)}}draws per decision-maker; default {cmd:nrep(100)}{p_end}
{synopt:{opt draw:s(type)}}{cmd:halton} (default), {cmd:shalton}, {cmd:mlhs}, {cmd:sobol}, {cmd:random}, or the quadrature rules {cmd:gh} (Gauss-Hermite; {cmd:nrep()} points per dimension) {cmd:sparse} (sparse grid of nested Genz-Keister rules, also {cmd:sparse-gk}; {cmd:nrep()} is the level, 1 to 25), {cmd:sparse-gh} (sparse grid of Gauss-Hermite rules; more nodes per level), {cmd:agh} (adaptive Gauss-Hermite; normal coefficients), or, centred at each person's posterior mode, {cmd:adaptive-sparse} (the nested sparse grid; {cmd:nrep()} is the level), {cmd:adaptive-halton} and {cmd:adaptive-sobol} (importance sampling; {cmd:nrep()} draws){p_end}
{synopt:{opt seed(#)}}seed of the draws and of extra starting values; default {cmd:seed(12345)}{p_end}
{synopt:{opt burn(#)}}sequence elements skipped; default 100 for {cmd:halton}, else 0{p_end}

{syntab:Estimator}
{synopt:{opt est:imator(name)}}{cmd:msle} (maximum simulated likelihood; default), {cmd:msm} (method of simulated moments) or {cmd:mss} (method of simulated scores: {cmd:nrep()} exact posterior draws per person by accept-reject; sandwich standard errors){p_end}
{synopt:{opt inst:ruments(spec)}}with {cmd:estimator(msm)}: {cmd:optimal} (default), {cmd:default} or a {varlist} of instruments{p_end}
{synopt:{opt weight:ing(name)}}with {cmd:estimator(msm)}: {cmd:twostep} (efficient; default) or {cmd:onestep} (identity){p_end}

{syntab:Maximization}
{synopt:{opt start:s(#)}}number of starting points; default {cmd:starts(1)}{p_end}
{synopt:{opt tech:nique(name)}}{cmd:bfgs} (default), {cmd:lbfgs} or {cmd:bhhh}{p_end}
{synopt:{opt iter:ate(#)}}maximum number of iterations; default {cmd:iterate(1000)}{p_end}
{synopt:{opt from(matname)}}starting values{p_end}
{synopt:{opt thr:eads(#)}}worker threads; default all processors; results do not depend on it{p_end}

{syntab:SE/Reporting}
{synopt:{opt vce(vcetype)}}{cmd:oim} (default), {cmd:opg}, {cmd:robust} or {cmd:cluster} [{it:clustvar}]; with {cmd:estimator(msm)} {cmd:gmm} (default), {cmd:robust} or {cmd:cluster} [{it:clustvar}]{p_end}
{synopt:{opt l:evel(#)}}confidence level; default {cmd:level(95)}{p_end}
{synoptline}
{p 4 6 2}* {opt group()} is required.{p_end}
{p 4 6 2}{cmd:fweight}s and {cmd:pweight}s are allowed; they must be constant within decision-maker.{p_end}


{marker description}{...}
{title:Description}

{pstd}
{cmd:jmixlogit} fits mixed (random-coefficients) logit models to data in long form, one observation per
alternative per choice situation, by maximum simulated likelihood with analytic gradients. It runs on the
mixlogit Java engine through {helpb javacall}, the same engine as the R package {bf:mixlogit} and the
command-line tool, so the three give identical numbers. Option words follow Hole's {cmd:mixlogit} and
{helpb cmmixlogit}.

{pstd}
{it:indepvars} have fixed coefficients; variables in {opt random()} have coefficients beta = b + s z with z
standard normal, variables in {opt ln()} have beta = exp(b + s z) (positive: reverse the sign of a variable
whose coefficient should be negative). The sign of s is not identified. Coefficients are reported in
equations {cmd:Mean} and {cmd:SD} as in Hole's {cmd:mixlogit}.

{pstd}
With {cmd:estimator(msm)} the parameters are estimated instead by the method of simulated moments, which is
consistent with a fixed number of draws because the simulated probabilities enter the moments
E[(y - s(theta)) z] = 0 linearly (in panels, the marginal probability of each choice situation).

{pstd}
Stata keeps one Java virtual machine per session: after installing a new version, restart Stata; the command
checks that the jar and the ado-file belong together.


{marker options}{...}
{title:Options}

{phang}
{opt group(varname)} identifies the choice situations; the dependent variable must be 1 for exactly one
observation per group (error 459 otherwise) and 0 for the others (error 450 otherwise).

{phang}
{opt id(varname)} identifies the decision-makers of panel data. All of a decision-maker's choice situations
share one draw of the coefficients.

{phang}
{opt random(varlist)} and {opt ln(varlist)} list the variables with normal and lognormal coefficients.

{phang}
{opt corr} estimates correlated random coefficients, parameterised by the lower-triangular Cholesky factor
of their covariance matrix. With {opt ln()}, the lognormal coefficients join the same block through their
underlying normals, as in Hole's {bf:mixlogit}: the Cholesky factor is that of the joint covariance of the
{opt rand()} coefficients and the logarithms of the {opt ln()} coefficients, and each lognormal coefficient is
exp() of its normal (with or without {opt corr}, the Mean coefficient of an {opt ln()} variable is the mean
of its logarithm).

{phang}
{opt alternatives(varname)} names the alternative (product, mode) of each observation, each at most once per
choice situation. It does not change the estimates; {helpb jmixlogit_diversion} and
{helpb jmixlogit_elasticities} aggregate by it. Without it, alternatives are the positions within each choice
situation (1, 2, ...).

{phang}
{opt market(varname)}, constant within choice situation, groups choice situations into markets;
post-estimation aggregates within each market.

{phang}
{opt nrep(#)}, {opt draws(type)}, {opt seed(#)} and {opt burn(#)} set the simulation: {cmd:halton} follows
the convention of R's {bf:mlogit} and Python's {bf:xlogit} (prime bases, 100 elements burnt), so results can
be compared number for number.

{phang}
{opt estimator(name)} chooses maximum simulated likelihood ({cmd:msle}, the default) or the method of simulated
moments ({cmd:msm}). An unknown name is error 198.

{phang}
{opt instruments(spec)}, only with {cmd:estimator(msm)} (error 198 otherwise), chooses the instruments z:
{cmd:optimal} (the default) uses the scores d log s/d theta at a first-step maximum simulated likelihood
estimate, simulated with an independent set of draws (exactly identified); {cmd:default} uses the attributes,
their squares and the products within a correlated block; a {varlist} names numeric variables of the data
(varying within choice situations; they need not be in the model). Observations with missing values in the
instrument variables are excluded from the estimation sample, as for the model's variables.

{phang}
{opt weighting(name)}, only with {cmd:estimator(msm)}, chooses one-step GMM with the identity weighting matrix
({cmd:onestep}) or two-step efficient GMM ({cmd:twostep}, the default), whose weighting matrix is the inverse
covariance of the moments at the one-step estimate. With as many instruments as parameters the weighting does
not matter and {cmd:e(weighting)} is {cmd:onestep}.

{phang}
{opt starts(#)} runs the optimizer from the plain-logit starting values and from #-1 seeded perturbations
that also flip the signs of the standard deviations; the best optimum is reported.

{phang}
{opt technique(name)}, {opt iterate(#)}, {opt from(matname)} and {opt threads(#)} control the maximization.
{opt from()} takes a 1 x k row vector in the order of {cmd:e(b)}.

{phang}
{opt vce(vcetype)} chooses the covariance: the observed information ({cmd:oim}), the outer product of
gradients ({cmd:opg}), the robust sandwich, or cluster-robust by {it:clustvar} (by decision-maker when
omitted). With {cmd:estimator(msm)} the covariance is the GMM sandwich with the moments clustered by
decision-maker, which includes the simulation noise of the moments ({cmd:gmm}, the default, and {cmd:robust}), or
clustered by {it:clustvar} ({cmd:cluster}).

{phang}
{opt level(#)}; see {helpb estimation options##level():[R] estimation options}.

{pstd}
The words of {opt draws()}, {opt technique()}, {opt estimator()}, {opt vce()} and {opt weighting()}, the
instrument keywords of {opt instruments()}, and the defaults of {opt draws()}, {opt nrep()}, {opt seed()},
{opt starts()}, {opt technique()}, {opt iterate()} and {opt level()} are the engine's own (its vocabulary, the
same lists as the R package's and the command-line tool's {cmd:./mixlogit vocabulary}); the ado-file keeps no
copies. An unknown word, {opt instruments()} or {opt weighting()} without {cmd:estimator(msm)}, or a {opt vce()}
the estimator does not have, is error 198 with a message that names the option and lists the valid words; an
instrument variable that does not exist is error 111. After {cmd:javacall org.mixlogit.stata.JMixlogit version,}
{cmd:jars(jmixlogit.jar)} the local {cmd:jm_vocabulary} holds the vocabulary as JSON.

{pstd}
Return codes of the plugin: 198 a bad option or specification; 459 data that cannot be used or a numerical
failure; 430 convergence not achieved; 506 a Hessian that is not negative definite; 909 not enough memory: the
engine estimates what a run needs (nodes, per-thread scratch, integration grids) before allocating and refuses
with the figure, the limit and what to change (fewer {opt nrep()}, a lower sparse-grid level, fewer
{opt threads()}, or a larger Java heap with {cmd:set java_heapmax}), and a grid above its cap (1,000,000 nodes
per decision-maker) is refused the same way; 498 an internal error (a bug in {cmd:jmixlogit}: please report it
with the command; no Java stack trace is shown); 1 Break.


{marker examples}{...}
{title:Examples}

{pstd}Train's electricity data (long form: one observation per supplier offer){p_end}
{phang2}{cmd:. import delimited electricity_long.csv, clear}{p_end}

{pstd}Conditional logit{p_end}
{phang2}{cmd:. jmixlogit choice pf cl loc wk tod seas, group(chid)}{p_end}

{pstd}Mixed logit, six normal coefficients, panel by respondent, 100 Halton draws{p_end}
{phang2}{cmd:. jmixlogit choice, group(chid) id(id) rand(pf cl loc wk tod seas) nrep(100)}{p_end}

{pstd}With alternatives, then post-estimation (see {helpb jmixlogit_postestimation}){p_end}
{phang2}{cmd:. jmixlogit choice, group(chid) id(id) rand(pf cl loc wk tod seas) alternatives(alt)}{p_end}
{phang2}{cmd:. predict double p}{p_end}
{phang2}{cmd:. jmixlogit_elasticities, attribute(pf)}{p_end}

{pstd}Correlated coefficients, robust standard errors{p_end}
{phang2}{cmd:. jmixlogit choice pf, group(chid) id(id) rand(cl loc wk) corr vce(robust)}{p_end}

{pstd}Method of simulated moments with 20 draws: optimal instruments, then user instruments with Hansen's J{p_end}
{phang2}{cmd:. jmixlogit choice pf loc wk tod seas, group(chid) id(id) rand(cl) nrep(20) estimator(msm)}{p_end}
{phang2}{cmd:. generate double cl2 = cl^2}{p_end}
{phang2}{cmd:. generate double pfcl = pf*cl}{p_end}
{phang2}{cmd:. jmixlogit choice pf loc wk tod seas, group(chid) id(id) rand(cl) nrep(20) estimator(msm) instruments(pf loc wk tod seas cl cl2 pfcl)}{p_end}
{phang2}{cmd:. display e(J) "  " e(J_p)}{p_end}


{marker results}{...}
{title:Stored results}

{pstd}
{cmd:jmixlogit} stores the following in {cmd:e()}:

{synoptset 20 tabbed}{...}
{p2col 5 20 24 2: Scalars}{p_end}
{synopt:{cmd:e(N)}}number of observations{p_end}
{synopt:{cmd:e(N_g)}}number of choice situations{p_end}
{synopt:{cmd:e(N_id)}}number of decision-makers{p_end}
{synopt:{cmd:e(ll)}}log simulated likelihood{p_end}
{synopt:{cmd:e(ll_0)}}log likelihood with equal shares{p_end}
{synopt:{cmd:e(k)}}number of parameters{p_end}
{synopt:{cmd:e(converged)}}1 if converged, 0 otherwise{p_end}
{synopt:{cmd:e(iterations)}}number of iterations{p_end}
{synopt:{cmd:e(nrep)}}draws per decision-maker{p_end}
{synopt:{cmd:e(level)}}confidence level{p_end}
{synopt:{cmd:e(gmm_criterion)}}minimized GMM criterion ({cmd:estimator(msm)} only){p_end}
{synopt:{cmd:e(J)}}Hansen's J statistic; missing when exactly identified or one-step ({cmd:msm} only){p_end}
{synopt:{cmd:e(J_df)}}degrees of freedom of J: instruments minus parameters ({cmd:msm} only){p_end}
{synopt:{cmd:e(J_p)}}p-value of J ({cmd:msm} only){p_end}
{synopt:{cmd:e(W_cond)}}condition number of the final weighting matrix ({cmd:msm} only){p_end}

{p2col 5 20 24 2: Macros}{p_end}
{synopt:{cmd:e(cmd)}}{cmd:jmixlogit}{p_end}
{synopt:{cmd:e(title)}}title in estimation output{p_end}
{synopt:{cmd:e(depvar)}}name of the dependent variable{p_end}
{synopt:{cmd:e(group)}}name of the group variable{p_end}
{synopt:{cmd:e(id)}}name of the id variable{p_end}
{synopt:{cmd:e(alternatives)}}name of the alternatives variable{p_end}
{synopt:{cmd:e(market)}}name of the market variable{p_end}
{synopt:{cmd:e(fixed)}}variables with fixed coefficients{p_end}
{synopt:{cmd:e(random)}}variables with normal coefficients{p_end}
{synopt:{cmd:e(ln)}}variables with lognormal coefficients{p_end}
{synopt:{cmd:e(wtype)}}weight type{p_end}
{synopt:{cmd:e(wexp)}}weight expression{p_end}
{synopt:{cmd:e(spec_json)}}the model specification as the engine reads it (JSON){p_end}
{synopt:{cmd:e(options_json)}}the estimation options (draws, seed, ...) as the engine reads them (JSON){p_end}
{synopt:{cmd:e(predict)}}{cmd:jmixlogit_p}{p_end}
{synopt:{cmd:e(draws)}}type of draws{p_end}
{synopt:{cmd:e(estimator)}}{cmd:msle} or {cmd:msm}{p_end}
{synopt:{cmd:e(vce)}}{it:vcetype} specified in {cmd:vce()}; after {cmd:msm} the engine's covariance ({cmd:gmm}, {cmd:robust} or {cmd:cluster}){p_end}
{synopt:{cmd:e(vcetype)}}title of the standard errors, {cmd:GMM} or {cmd:Robust} ({cmd:msm} only){p_end}
{synopt:{cmd:e(weighting)}}weighting used, {cmd:onestep} or {cmd:twostep} ({cmd:msm} only){p_end}
{synopt:{cmd:e(instruments)}}names of the instruments used, spaces as underscores (for example {cmd:dlog_s/d_pf} for an optimal instrument, {cmd:pf^2} for a default one; {cmd:msm} only){p_end}
{synopt:{cmd:e(clustvar)}}name of the cluster variable{p_end}
{synopt:{cmd:e(technique)}}maximization technique{p_end}
{synopt:{cmd:e(properties)}}{cmd:b V}{p_end}

{p2col 5 20 24 2: Matrices}{p_end}
{synopt:{cmd:e(b)}}coefficient vector (equations {cmd:Mean}, {cmd:SD}, ...){p_end}
{synopt:{cmd:e(V)}}variance-covariance matrix of the estimators{p_end}

{p2col 5 20 24 2: Functions}{p_end}
{synopt:{cmd:e(sample)}}marks estimation sample{p_end}


{marker references}{...}
{title:References}

{phang}
Hole, A. R. 2007. Fitting mixed logit models by using maximum simulated likelihood. {it:Stata Journal} 7: 388-401.

{phang}
McFadden, D. 1989. A method of simulated moments for estimation of discrete response models without numerical
integration. {it:Econometrica} 57: 995-1026.

{phang}
Revelt, D., and K. Train. 2000. Customer-specific taste parameters and mixed logit. Working paper, University
of California, Berkeley.

{phang}
Train, K. E. 2009. {it:Discrete Choice Methods with Simulation}. 2nd ed. Cambridge: Cambridge University Press.
