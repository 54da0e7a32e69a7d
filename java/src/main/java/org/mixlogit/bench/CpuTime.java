package org.mixlogit.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;

/**
 * The process's CPU time (all threads), for benchmarks on a shared machine: unlike the wall clock it does not count
 * the time other processes hold the cores. -1 when the platform does not report it.
 */
final class CpuTime {
    private CpuTime() {
    }

    static long process() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean) {
            return ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime();
        }
        return -1;
    }
}
