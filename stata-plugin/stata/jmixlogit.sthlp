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
{synopt:{opt ln(varlist|#)}}variables with lognormally distributed coefficients, or, as Hole's {cmd:mixlogit}, the number of the last variables of {opt rand()} that are lognormal{p_end}
{synopt:{opt corr}}correlated random coefficients (lower Cholesky factor){p_end}
{synopt:{opt alt:ernatives(varname)}}identifier of the alternatives (numeric or string), for post-estimation{p_end}
{synopt:{opt mark:et(varname)}}market of each choice situation (numeric or string), for post-estimation{p_end}
{synopt:{opt altwise}}altwise deletion: drop only the alternatives with missing values (default: drop the whole choice situation){p_end}

{syntab:Latent classes (lclogit2's words)}
{synopt:{opt ncl:asses(numlist)}}a latent class model with {it:#} classes, each with its own coefficients; random coefficients of {opt rand()} and {opt ln()} are random within each class; a range such as {cmd:nclasses(1/5)} fits each number of classes and shows lclogit2's model-selection table{p_end}
{synopt:{opt mem:bership(varlist)}}decision-maker characteristics (constant within {opt id()}) in the logit of the class shares, besides its constant{p_end}
{synopt:{opt com:mon(varlist)}}explanatory variables whose coefficients all classes share (lclogit2's {it:varlist1}, equation {cmd:Fix}){p_end}

{syntab:Integration}
{synopt:{opt nrep(#)}}draws per decision-maker; default {cmd:nrep(100)}{p_end}
{synopt:{opt draw:s(type)}}{cmd:halton} (default), {cmd:shalton}, {cmd:mlhs}, {cmd:sobol}, {cmd:ssobol} (Sobol with a seeded random digital shift), {cmd:random}, or the quadrature rules {cmd:gh} (Gauss-Hermite; {cmd:nrep()} points per dimension) {cmd:sparse} (sparse grid of nested Genz-Keister rules, also {cmd:sparse-gk}; {cmd:nrep()} is the level, 1 to 25), {cmd:sparse-gh} (sparse grid of Gauss-Hermite rules; more nodes per level), {cmd:agh} (adaptive Gauss-Hermite; normal coefficients), or, centred at each person's posterior mode, {cmd:adaptive-sparse} (the nested sparse grid; {cmd:nrep()} is the level), {cmd:adaptive-halton} and {cmd:adaptive-sobol} (importance sampling; {cmd:nrep()} draws){p_end}
{synopt:{opt seed(#)}}seed of the draws and of extra starting values; default {cmd:seed(12345)}{p_end}
{synopt:{opt burn(#)}}sequence elements skipped; default 100 for {cmd:halton}, else 0; only for {cmd:halton}, {cmd:shalton}, {cmd:sobol}, {cmd:ssobol} and the adaptive ones on them{p_end}

{syntab:Estimator}
{synopt:{opt est:imator(name)}}{cmd:msle} (maximum simulated likelihood; default), {cmd:msm} (method of simulated moments) or {cmd:mss} (method of simulated scores: {cmd:nrep()} exact posterior draws per person by accept-reject; sandwich standard errors){p_end}
{synopt:{opt inst:ruments(spec)}}with {cmd:estimator(msm)}: {cmd:optimal} (default), {cmd:default} or a {varlist} of instruments{p_end}
{synopt:{opt weight:ing(name)}}with {cmd:estimator(msm)}: {cmd:twostep} (efficient; default) or {cmd:onestep} (identity){p_end}

{syntab:Maximization}
{synopt:{opt start:s(#)}}number of starting points; default {cmd:starts(1)}{p_end}
{synopt:{opt tech:nique(name)}}{cmd:bfgs} (default), {cmd:lbfgs} or {cmd:bhhh}{p_end}
{synopt:{opt iter:ate(#)}}maximum number of iterations; default {cmd:iterate(1000)}; {cmd:iterate(0)} evaluates at the starting values{p_end}
{synopt:{opt tol:erance(#)}}tolerance of the scaled gradient; default 1e-6{p_end}
{synopt:{opt dif:ficult}}accepted for {cmd:ml} compatibility and ignored, with a note (the line search handles nonconcave regions; use {opt technique()} or {opt starts()}){p_end}
{synopt:{opt nolo:g}}suppress the iteration log{p_end}
{synopt:{opt fr:om(matname [, copy|skip])}}starting values, matched by name (as {cmd:ml}), by position with {cmd:copy}; {cmd:skip} ignores names the model lacks{p_end}
{synopt:{opt thr:eads(#)}}worker threads; default all processors, at most {cmd:c(processors)}; results do not depend on it{p_end}

{syntab:SE/Reporting}
{synopt:{opt vce(vcetype)}}{cmd:oim} (default), {cmd:opg}, {cmd:robust} or {cmd:cluster} [{it:clustvar}]; with {cmd:estimator(msm)} {cmd:gmm} (default), {cmd:robust} or {cmd:cluster} [{it:clustvar}]{p_end}
{synopt:{opt r:obust}}synonym for {cmd:vce(robust)} (Hole's {cmd:mixlogit}){p_end}
{synopt:{opt cl:uster(varname)}}synonym for {cmd:vce(cluster} {it:varname}{cmd:)}{p_end}
{synopt:{opt l:evel(#)}}confidence level; default {cmd:level(95)}{p_end}
{synopt:{it:display_options}}{opt noci}, {opt nopv:alues}, {opt cformat(%fmt)}, {opt coefl:egend}, ...; see {helpb estimation options##display_options:[R] estimation options}{p_end}
{synoptline}
{p 4 6 2}* {opt group()} is required.{p_end}
{p 4 6 2}{cmd:fweight}s, {cmd:pweight}s and {cmd:iweight}s are allowed; they must be constant within
decision-maker. {cmd:pweight}s imply {cmd:vce(robust)} ({cmd:vce(oim)} and {cmd:vce(opg)} are error 198 with
them). {cmd:fweight}s count identical decision-makers: {cmd:vce(robust)} then takes each copy as its own
observation, as on the expanded data ({cmd:expand}); {cmd:pweight}s and {cmd:iweight}s scale each decision-maker's
contribution (the sandwich's middle term has their squares). {cmd:estimator(msm)} does not take {cmd:fweight}s
(error 198: expand the data).{p_end}
{p 4 6 2}{cmd:jmixlogit} needs Stata 16 or newer and Java 11 or newer (Stata 16 and later bundle it; see
{helpb java}).{p_end}


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
Stata keeps the Java classes it loaded: after installing a new version, type {cmd:discard} (or restart Stata); the
command checks that the jar and the ado-file belong together.

{pstd}
{bf:Installation.} The jar {cmd:jmixlogit.jar} is a build product of the mixlogit project ({cmd:mvn package}),
not kept in its source repository: install from a release folder, or from the folder {cmd:stata-plugin/stata} of a
build, which hold the ado-files, help files, the jar and the example data:

{phang2}{cmd:. net install jmixlogit, from("/path/to/release/stata")}{p_end}
{phang2}{cmd:. net get jmixlogit, from("/path/to/release/stata")}{space 4}(the example data {cmd:electricity_long.csv}){p_end}


{pstd}
{bf:Latent classes.} With {opt nclasses(#)} the population consists of {it:#} classes, each with its own
coefficients except those of {opt common()}; decision-maker n belongs to class c with probability
pi_nc = exp(g_c'z_n) / sum_s exp(g_s'z_n), z_n a constant and the {opt membership()} variables, Class1 the base
(g_1 = 0; {cmd:lclogit2} takes the last class as its base), and in a panel one class holds for all of a
decision-maker's choices: L_n = sum_c pi_nc prod_t P_nt(b_c). As {cmd:lclogit2}, the engine runs the EM algorithm
(Train 2008) from ten starting points (or {opt starts()} when larger), then polishes every distinct optimum by
direct maximum likelihood with the exact gradient, which gives standard errors ({cmd:lclogit2} has none;
{cmd:lclogitml2} does); classes are sorted by share (Class1 the largest). The footer shows the EM search
({cmd:e(em_starts)}, {cmd:e(em_iterations)}, {cmd:e(ll_em)}) and the table of distinct optima the starts reached,
how many starts reached each and its scaled gradient ({cmd:e(optima)}, best first), with the certification of the
best ({cmd:e(certification)}). {cmd:e(b)} has the equations
{cmd:Class1}, {cmd:Class2}, ... (with random coefficients also {cmd:Class1_SD}, ...), {cmd:Fix} for the
{opt common()} coefficients and {cmd:Share2}, {cmd:Share3}, ... for the class-share logit. The header adds the
class shares at the mean of the membership variables with delta-method standard errors ({cmd:e(P)},
{cmd:e(P_se)}), the mean posterior probabilities ({cmd:e(P_post)}; with no membership variables they equal
{cmd:e(P)} at the maximum) and AIC, BIC and CAIC with N the number of decision-makers, as {cmd:lclogit2};
a class share tending to zero or a diverging coefficient is named in {cmd:e(boundaries)}. {cmd:nclasses(1)} is
the logit (or mixed logit) itself.

{pstd}
{bf:Choosing the number of classes.} Where {cmd:lclogit2}'s users fit each number of classes in a loop and compare
them with {cmd:estimates stats}, {cmd:nclasses(1/5)} (any range of consecutive numbers) fits each number of
classes, each as {cmd:nclasses(}{it:#}{cmd:)} alone would (with its own starts; {opt common()} from two classes on)
and shows {cmd:lclogit2}'s table: for each number of classes the log likelihood, the number of parameters, AIC,
BIC, CAIC (N the decision-makers) and the smallest class share, and whether the fit converged; the table is
{cmd:e(selection)}, one row per number of classes ({cmd:C1}, {cmd:C2}, ...). The fit with the smallest BIC is the
one posted: {cmd:e(b)}, {cmd:e(V)}, {cmd:e(nclasses)} and the rest are those of that fit, and post-estimation uses
it. To work with another row of the table, fit that number of classes alone, {cmd:nclasses(}{it:#}{cmd:)}, which
gives the same numbers as its row (the command line's {cmd:--classes 1:5} and R's {cmd:classes = 1:5} fit the same
models). {opt from()} starts one model and cannot be combined with a range.

{pstd}
After estimation,
{cmd:predict} {it:newvar}{cmd:, pr class(}{it:#}{cmd:)} gives the probabilities in class {it:#} and
{cmd:predict} {it:stub}{cmd:, posterior} the posterior class probabilities {it:stub}{cmd:1}, {it:stub}{cmd:2},
..., {cmd:predict} {it:newvar}{cmd:, modal} the modal class and {cmd:predict} {it:newvar}{cmd:, coef(}{it:x}{cmd:)}
the posterior mean of {it:x}'s coefficient over the classes; {helpb jmixlogit_wtp} gives the willingness to pay in every class (with random coefficients within
classes, each class's distribution); see {helpb jmixlogit_postestimation}. Not with {cmd:estimator(msm)} or {cmd:estimator(mss)} (error 198).


{marker options}{...}
{title:Options}

{phang}
{opt group(varname)} identifies the choice situations; the dependent variable must be 1 for exactly one
observation per group (error 459 otherwise) and 0 for the others (error 450 otherwise).

{phang}
{opt id(varname)} identifies the decision-makers of panel data. All of a decision-maker's choice situations
share one draw of the coefficients. Each value of {opt group()} belongs to one decision-maker: situations
numbered 1, 2, ... within each person need a new variable ({cmd:egen long} {it:g} {cmd:= group(id t)}).
Identifiers are whole numbers of any size; one stored as {cmd:float} with values above 16,777,216 is error 459,
since {cmd:float} cannot hold every whole number there and distinct ids may have been rounded together (make it
again as {cmd:long} or {cmd:double}). {opt vce(cluster clustvar)} needs clusters of whole decision-makers (error 459 otherwise).

{phang}
{opt random(varlist)} and {opt ln(varlist)} list the variables with normal and lognormal coefficients; a
variable listed in both is error 198. {opt ln(#)}, Hole's form, makes the last # variables of {opt rand()}
lognormal.

{phang}
{opt corr} estimates correlated random coefficients, parameterised by the lower-triangular Cholesky factor
of their covariance matrix. With {opt ln()}, the lognormal coefficients join the same block through their
underlying normals, as in Hole's {bf:mixlogit}: the Cholesky factor is that of the joint covariance of the
{opt rand()} coefficients and the logarithms of the {opt ln()} coefficients, and each lognormal coefficient is
exp() of its normal (with or without {opt corr}, the Mean coefficient of an {opt ln()} variable is the mean
of its logarithm).

{phang}
{opt alternatives(varname)} names the alternative (product, mode) of each observation, each at most once per
choice situation. It does not change the estimates, except that with it they do not depend on the order of the
observations to the last digit (without it a situation's alternatives are taken in the data's order, which
can move the last digits); {helpb jmixlogit_diversion} and
{helpb jmixlogit_elasticities} aggregate by it and need it (without it an alternative is known only by its
position in its choice situation, which depends on the order of the data).

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
{opt technique(name)}, {opt iterate(#)}, {opt tolerance(#)}, {opt from(matname)} and {opt threads(#)} control
the maximization. {opt from()} takes a 1 x k row vector, matched to the parameters by its column names
({cmd:Mean:pf}, {cmd:SD:cl}, {cmd:l21:_cons}; a name without equation, or with the dependent variable as its
equation as in {cmd:clogit}'s {cmd:e(b)}, is a Mean), as {cmd:ml} does: a name the
model lacks is error 198 unless {cmd:skip} is given, and parameters the vector lacks start at 0, except the
standard deviations (and spreads, and the diagonal of a Cholesky factor), which start at 0.1 as without
{opt from()} (at 0 a symmetric coefficient's standard deviation sits on a saddle point the search cannot leave), so
that {cmd:clogit}'s {cmd:e(b)} is a good start; with {cmd:copy} the values are taken by position. The names are Hole's, so an {cmd:e(b)} of {cmd:mixlogit} carries
over. {cmd:iterate(0)} with {opt from()} evaluates the log likelihood and the standard errors at the given
values (e(converged) is then 0). A fit that does not converge is posted, with e(converged) = 0 and the note
"convergence not achieved", as {cmd:ml} does. {opt tolerance(#)} is the engine's convergence criterion, the
scaled gradient max|g_i| max(|b_i|,1)/max(|ll|,1), not {cmd:ml}'s coefficient tolerance; one looser than the
default stops the search earlier but does not loosen the certification ({cmd:e(certified)}: the scaled gradient
below the square root of the smaller of the two). {opt threads(#)} is
capped at {cmd:c(processors)}.

{phang}
{opt altwise}: by default a choice situation with a missing value in any of its alternatives is dropped whole
(casewise deletion, as {helpb cmmixlogit}); {opt altwise} keeps its other alternatives.

{phang}
{opt vce(vcetype)} chooses the covariance (Stata's abbreviations work: {cmd:vce(r)}, {cmd:vce(cl id)}; a
string {it:clustvar} is allowed): the observed information ({cmd:oim}), the outer product of
gradients ({cmd:opg}), the robust sandwich, or cluster-robust by {it:clustvar} (by decision-maker when
omitted). With {cmd:estimator(msm)} the covariance is the GMM sandwich with the moments clustered by
decision-maker, which includes the simulation noise of the moments ({cmd:gmm}, the default, and {cmd:robust}), or
clustered by {it:clustvar} ({cmd:cluster}).

{phang}
{opt level(#)} and the display options; see {helpb estimation options##level():[R] estimation options}.

{pstd}
{bf:Output.} The header shows the Wald test that all Mean coefficients are zero ({cmd:e(chi2)}), and the footer
the likelihood-ratio test of the random part against the fixed-coefficient logit ({cmd:e(chi2_c)}; a test at the
boundary of the parameter space, hence conservative, as {helpb cmmixlogit}'s). The engine checks every fit
(gradient and Hessian at the estimate); a fit that did not converge or is not certified is shown with a warning
({cmd:e(fit_warning)}), and post-estimation repeats it. After {cmd:estimator(msm)} and {cmd:estimator(mss)}
the simulated log likelihood is {cmd:e(ll_sim)}, not {cmd:e(ll)}: at a GMM estimate or a root of the simulated
scores it is not a maximum, so {cmd:lrtest} and {cmd:estat ic} do not use it, and there is no likelihood-ratio
test against the fixed-coefficient logit.
Parameters of a correlated block are Hole's: the elements of the Cholesky factor, equations {cmd:l11},
{cmd:l21}, {cmd:l31}, {cmd:l22}, ... (column by column); {helpb jmixlogit_cov} (or {cmd:estat cov}) gives the
covariances, standard deviations and correlations with delta-method standard errors.

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
Return codes of the plugin: 198 a bad option or specification; 459 data that cannot be used; 430 a numerical
failure of the estimation (probabilities not finite at the starting values, accept-reject or a posterior mode that
fails for some person: try other starting values or draws); 506 a Hessian that is not negative definite; 909 not enough memory: the
engine estimates what a run needs (nodes, per-thread scratch, integration grids) before allocating and refuses
with the figure, the limit and what to change (fewer {opt nrep()}, a lower sparse-grid level, fewer
{opt threads()}, or a larger Java heap with {cmd:set java_heapmax}), and a grid above its cap (1,000,000 nodes
per decision-maker) is refused the same way; 498 an internal error (a bug in {cmd:jmixlogit}: please report it
with the command; no Java stack trace is shown); 908 a result larger than a Stata matrix can be
({cmd:c(max_matdim)}); 1 Break. Messages of the engine are shown as plain text.


{marker examples}{...}
{title:Examples}

{pstd}Train's electricity data (long form: one observation per supplier offer), an ancillary file of the package{p_end}
{phang2}{cmd:. net get jmixlogit}{p_end}
{phang2}{cmd:. import delimited electricity_long.csv, clear}{p_end}

{pstd}Conditional logit{p_end}
{phang2}{cmd:. jmixlogit choice pf cl loc wk tod seas, group(chid)}{p_end}

{pstd}Mixed logit, six normal coefficients, panel by respondent, 100 Halton draws{p_end}
{phang2}{cmd:. jmixlogit choice, group(chid) id(id) rand(pf cl loc wk tod seas) nrep(100)}{p_end}

{pstd}With alternatives, then post-estimation (see {helpb jmixlogit_postestimation}){p_end}
{phang2}{cmd:. jmixlogit choice, group(chid) id(id) rand(pf cl loc wk tod seas) alternatives(alt)}{p_end}
{phang2}{cmd:. predict double p}{p_end}
{phang2}{cmd:. jmixlogit_elasticities, attribute(pf)}{p_end}

{pstd}Correlated coefficients, robust standard errors, then their covariances{p_end}
{phang2}{cmd:. jmixlogit choice pf, group(chid) id(id) rand(cl loc wk) corr vce(robust)}{p_end}
{phang2}{cmd:. jmixlogit_cov}{p_end}

{pstd}Hole's syntax: the last variable of rand() lognormal (after reversing the sign of price), clustered{p_end}
{phang2}{cmd:. generate double mpf = -pf}{p_end}
{phang2}{cmd:. jmixlogit choice, group(chid) id(id) rand(cl loc wk mpf) ln(1) cluster(id) nolog}{p_end}

{pstd}Standard errors at given values{p_end}
{phang2}{cmd:. matrix b0 = e(b)}{p_end}
{phang2}{cmd:. jmixlogit choice, group(chid) id(id) rand(cl loc wk mpf) ln(1) from(b0) iterate(0)}{p_end}

{pstd}Latent class logit: three classes, the coefficient of {cmd:cl} common to all, class probabilities{p_end}
{phang2}{cmd:. jmixlogit choice pf cl loc wk tod seas, group(chid) id(id) nclasses(3) common(cl)}{p_end}
{phang2}{cmd:. matrix list e(P)}{p_end}
{phang2}{cmd:. predict double p1, pr class(1)}{p_end}
{phang2}{cmd:. predict double h, posterior}{space 4}(h1, h2, h3){p_end}

{pstd}Model selection: one to five classes, lclogit2's table, the fit with the smallest BIC posted{p_end}
{phang2}{cmd:. jmixlogit choice pf cl loc wk tod seas, group(chid) id(id) nclasses(1/5) nolog}{p_end}
{phang2}{cmd:. matrix list e(selection)}{p_end}
{phang2}{cmd:. display "smallest BIC: " e(nclasses) " classes"}{p_end}

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
{synopt:{cmd:e(N)}}number of observations (the sum of the weights with {cmd:fweight}s){p_end}
{synopt:{cmd:e(N_g)}}number of choice situations{p_end}
{synopt:{cmd:e(N_id)}}number of decision-makers{p_end}
{synopt:{cmd:e(N_clust)}}number of clusters ({cmd:vce(cluster)}){p_end}
{synopt:{cmd:e(k)}}number of parameters{p_end}
{synopt:{cmd:e(k_eq)}}number of equations in {cmd:e(b)}{p_end}
{synopt:{cmd:e(k_aux)}}number of Cholesky elements ({cmd:corr}){p_end}
{synopt:{cmd:e(kfix)}}number of fixed coefficients{p_end}
{synopt:{cmd:e(krnd)}}number of random coefficients{p_end}
{synopt:{cmd:e(krln)}}number of lognormal coefficients{p_end}
{synopt:{cmd:e(corr)}}1 with {cmd:corr}, 0 otherwise{p_end}
{synopt:{cmd:e(rank)}}rank of {cmd:e(V)}{p_end}
{synopt:{cmd:e(ll)}}log simulated likelihood ({cmd:msle}){p_end}
{synopt:{cmd:e(ll_sim)}}simulated log likelihood at the MSM or MSS estimate ({cmd:msm}, {cmd:mss}; not a maximum){p_end}
{synopt:{cmd:e(ll_0)}}log likelihood with equal shares ({cmd:msle}){p_end}
{synopt:{cmd:e(ll_c)}}log likelihood of the fixed-coefficient logit ({cmd:msle}){p_end}
{synopt:{cmd:e(chi2)}}Wald chi-squared that all Mean coefficients are zero{p_end}
{synopt:{cmd:e(df_m)}}its degrees of freedom{p_end}
{synopt:{cmd:e(p)}}its p-value{p_end}
{synopt:{cmd:e(chi2_c)}}LR chi-squared of the random part against the fixed-coefficient logit ({cmd:msle}){p_end}
{synopt:{cmd:e(df_c)}}its degrees of freedom{p_end}
{synopt:{cmd:e(p_c)}}its p-value{p_end}
{synopt:{cmd:e(converged)}}1 if converged, 0 otherwise{p_end}
{synopt:{cmd:e(certified)}}1 if the engine certified the optimum (gradient and Hessian), 0 otherwise{p_end}
{synopt:{cmd:e(iterations)}}number of iterations{p_end}
{synopt:{cmd:e(ic)}}number of iterations (as {cmd:ml}){p_end}
{synopt:{cmd:e(nrep)}}{opt nrep()}: draws per decision-maker, or for quadrature points per dimension ({cmd:gh}) or the level ({cmd:sparse}); see {cmd:e(integration)}{p_end}
{synopt:{cmd:e(burn)}}{opt burn()} as given (-1: the draw type's default){p_end}
{synopt:{cmd:e(threads)}}worker threads used{p_end}
{synopt:{cmd:e(level)}}confidence level{p_end}
{synopt:{cmd:e(gmm_criterion)}}minimized GMM criterion ({cmd:estimator(msm)} only){p_end}
{synopt:{cmd:e(J)}}Hansen's J statistic; missing when exactly identified or one-step ({cmd:msm} only){p_end}
{synopt:{cmd:e(J_df)}}degrees of freedom of J: instruments minus parameters ({cmd:msm} only){p_end}
{synopt:{cmd:e(J_p)}}p-value of J ({cmd:msm} only){p_end}
{synopt:{cmd:e(W_cond)}}condition number of the final weighting matrix ({cmd:msm} only){p_end}
{synopt:{cmd:e(nclasses)}}number of latent classes ({cmd:nclasses()} only){p_end}
{synopt:{cmd:e(k_share)}}number of membership variables ({cmd:nclasses()} only){p_end}
{synopt:{cmd:e(aic)}}Akaike information criterion ({cmd:nclasses()} only){p_end}
{synopt:{cmd:e(bic)}}Bayesian information criterion, N the decision-makers, as {cmd:lclogit2} ({cmd:nclasses()} only){p_end}
{synopt:{cmd:e(caic)}}consistent AIC, N the decision-makers ({cmd:nclasses()} only){p_end}
{synopt:{cmd:e(em_starts)}}starts of the EM search ({cmd:nclasses()} only; at least ten, or {opt starts()}){p_end}
{synopt:{cmd:e(em_iterations)}}EM iterations of the best start before direct maximum likelihood ({cmd:nclasses()} only){p_end}
{synopt:{cmd:e(ll_em)}}its log likelihood when EM stopped ({cmd:nclasses()} only){p_end}

{p2col 5 20 24 2: Macros}{p_end}
{synopt:{cmd:e(cmd)}}{cmd:jmixlogit}{p_end}
{synopt:{cmd:e(cmdline)}}command as typed{p_end}
{synopt:{cmd:e(title)}}title in estimation output{p_end}
{synopt:{cmd:e(depvar)}}name of the dependent variable{p_end}
{synopt:{cmd:e(indepvars)}}variables with coefficients{p_end}
{synopt:{cmd:e(group)}}name of the group variable{p_end}
{synopt:{cmd:e(id)}}name of the id variable{p_end}
{synopt:{cmd:e(alternatives)}}name of the alternatives variable{p_end}
{synopt:{cmd:e(market)}}name of the market variable{p_end}
{synopt:{cmd:e(altwise)}}{cmd:altwise} or empty (casewise deletion){p_end}
{synopt:{cmd:e(fixed)}}variables with fixed coefficients{p_end}
{synopt:{cmd:e(random)}}variables with normal coefficients{p_end}
{synopt:{cmd:e(ln)}}variables with lognormal coefficients{p_end}
{synopt:{cmd:e(wtype)}}weight type{p_end}
{synopt:{cmd:e(wexp)}}weight expression{p_end}
{synopt:{cmd:e(chi2type)}}{cmd:Wald}{p_end}
{synopt:{cmd:e(chi2_ct)}}{cmd:LR} ({cmd:msle}){p_end}
{synopt:{cmd:e(saved)}}the engine's saved form of the fit ({cmd:mixlogit-result/1}: estimates, covariances, status, options and a fingerprint of the data), one line of JSON; post-estimation restores the fit from it{p_end}
{synopt:{cmd:e(saved_file)}}when the saved form is longer than a macro can hold ({cmd:c(macrolen)}): the file in {cmd:c(tmpdir)} that holds it (gone when Stata exits){p_end}
{synopt:{cmd:e(spec_json)}}the model specification as the engine reads it (one line of JSON){p_end}
{synopt:{cmd:e(options_json)}}the estimation options (draws, seed, ...) as the engine reads them (one line of JSON){p_end}
{synopt:{cmd:e(fit_warning)}}the engine's warning about a fit that did not converge or is not certified; empty otherwise{p_end}
{synopt:{cmd:e(predict)}}{cmd:jmixlogit_p}{p_end}
{synopt:{cmd:e(estat_cmd)}}{cmd:jmixlogit_estat}{p_end}
{synopt:{cmd:e(draws)}}type of draws{p_end}
{synopt:{cmd:e(estimator)}}{cmd:msle} or {cmd:msm}{p_end}
{synopt:{cmd:e(vce)}}{it:vcetype} used: {cmd:oim}, {cmd:opg}, {cmd:robust}, {cmd:cluster} or (MSM) {cmd:gmm}{p_end}
{synopt:{cmd:e(vcetype)}}title of the standard errors: {cmd:Robust} (robust, cluster), {cmd:OPG} or {cmd:GMM}{p_end}
{synopt:{cmd:e(weighting)}}weighting used, {cmd:onestep} or {cmd:twostep} ({cmd:msm} only){p_end}
{synopt:{cmd:e(instruments)}}names of the instruments used, spaces as underscores (for example {cmd:dlog_s/d_pf} for an optimal instrument, {cmd:pf^2} for a default one; {cmd:msm} only){p_end}
{synopt:{cmd:e(clustvar)}}name of the cluster variable{p_end}
{synopt:{cmd:e(technique)}}maximization technique{p_end}
{synopt:{cmd:e(properties)}}{cmd:b V}{p_end}
{synopt:{cmd:e(membership)}}membership variables ({cmd:nclasses()} only){p_end}
{synopt:{cmd:e(common)}}variables with coefficients common to all classes ({cmd:nclasses()} only){p_end}
{synopt:{cmd:e(boundaries)}}boundaries the latent class fit met (a share tending to zero, a diverging coefficient), or empty{p_end}
{synopt:{cmd:e(certification)}}the certification of the maximum in words (gradient, Hessian, the starts that reached it){p_end}
{synopt:{cmd:e(integration)}}the integration rule in words: draws per decision-maker and burn-in, or points per dimension and the number of nodes{p_end}
{synopt:{cmd:e(nclasses_list)}}the numbers of classes fitted ({cmd:nclasses()} with a range only; {cmd:e(nclasses)} is the one posted){p_end}

{p2col 5 20 24 2: Matrices}{p_end}
{synopt:{cmd:e(b)}}coefficient vector (equations {cmd:Mean}, {cmd:SD}, {cmd:l11}, {cmd:l21}, ...){p_end}
{synopt:{cmd:e(V)}}variance-covariance matrix of the estimators{p_end}
{synopt:{cmd:e(P)}}class shares at the mean of the membership variables ({cmd:nclasses()} only; {it:#} x 1){p_end}
{synopt:{cmd:e(P_se)}}their delta-method standard errors{p_end}
{synopt:{cmd:e(P_post)}}mean posterior class probabilities{p_end}
{synopt:{cmd:e(B)}}coefficients by class, rows {cmd:Class1}, {cmd:Class2}, ... (means; common ones repeated){p_end}
{synopt:{cmd:e(CMB)}}class-share logit by class ({cmd:_cons} and the membership variables; the base Class1 zeros){p_end}
{synopt:{cmd:e(PB)}}share-weighted average coefficients{p_end}
{synopt:{cmd:e(optima)}}the distinct optima the starts reached, best first: a row each ({cmd:opt1}, {cmd:opt2}, ...), columns {cmd:ll}, {cmd:starts} (how many starts reached it), {cmd:gradient} (scaled gradient norm) and {cmd:converged}{p_end}
{synopt:{cmd:e(selection)}}model selection ({cmd:nclasses()} with a range only): a row per number of classes, columns {cmd:classes}, {cmd:ll}, {cmd:nparam}, {cmd:aic}, {cmd:bic}, {cmd:caic}, {cmd:min_share} (the smallest class share) and {cmd:converged} (1 or 0){p_end}

{p2col 5 20 24 2: Functions}{p_end}
{synopt:{cmd:e(sample)}}marks estimation sample{p_end}


{marker speed}{...}
{title:Speed}

{pstd}
Stata starts its Java without options of ours. Options can be given through the environment of the Stata session
alone, for example on Linux by starting Stata as
{cmd:JAVA_TOOL_OPTIONS="-XX:Tier4BackEdgeThreshold=5000000 -XX:InlineSmallCode=500 -XX:+UseParallelGC" xstata-mp}
(every Java started from that session then takes them, and prints "Picked up JAVA_TOOL_OPTIONS"; should Stata's
Java then not start, with "Multiple garbage collectors selected", leave out {cmd:-XX:+UseParallelGC}).
The R package starts its Java with these three, the command-line tool with the first two: Java's optimizing
compiler then compiles the engine's loops over draws once, not first while they run and then again, and not again
inside each method that calls them, and the parallel garbage collector does none of the concurrent work of Java's
default one, which an estimation does not need. Together they take about 40% of the CPU time off a session's first
fit (Electricity, six normal coefficients, 500 draws: as fast as the command-line tool's same fit, where with
Java's defaults it takes about 70% more CPU); later fits in the session are not affected. For large data with
continuous attributes, on Java 17 or later, {cmd:JAVA_TOOL_OPTIONS=--add-modules=jdk.incubator.vector} instead
gives the Vector API kernel in evaluations of at least 250,000,000 rows x draws; do not combine it with the three
settings above: the JIT settings make that kernel slower, and the garbage of its warm-up grows the parallel
collector's heap. None of them changes a result.


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
