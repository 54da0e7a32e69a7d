*! version 0.1.0  jmixlogit_wtp: willingness to pay after jmixlogit (per latent class after nclasses())
program define jmixlogit_wtp, rclass
    version 16
    syntax [if] [in] , ATtribute(name) COst(name) [ NEGated KRinsky(integer 0) REPlicates(integer 0) OTHERdata ]

    if ("`e(cmd)'" != "jmixlogit") error 301
    _jmixlogit_post wtp `if' `in', attribute(`attribute') cost(`cost') `negated' krinsky(`krinsky') ///
        replicates(`replicates') `otherdata'
    return add
end
