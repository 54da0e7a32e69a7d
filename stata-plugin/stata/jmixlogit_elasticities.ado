*! version 0.1.0  jmixlogit_elasticities: own and cross elasticities after jmixlogit
program define jmixlogit_elasticities, rclass
    version 16
    syntax [if] [in] , ATtribute(name) [ KRinsky(integer 0) REPlicates(integer 5) OTHERdata ]

    if ("`e(cmd)'" != "jmixlogit") error 301
    _jmixlogit_post elasticities `if' `in', attribute(`attribute') krinsky(`krinsky') replicates(`replicates') ///
        `otherdata'
    return add
end
