// The lab report the course ships (static/lab/sample-lab.json, also a download on the lab page):
// one `npm run lab` on the machine it names, so the lab page's charts are never empty. Validated
// here, so a sample the site cannot read fails the build instead of a reader's page.
import sampleJson from '@site/static/lab/sample-lab.json';
import {validateLabReport, type LabReport} from '@site/src/model/lab-report';

export const SAMPLE_LAB_REPORT: LabReport = validateLabReport(sampleJson);

/** Where the sample was measured, as the lab page describes it. */
export const SAMPLE_LAB_MACHINE = 'a 2-vCPU Firecracker virtual machine (AMD EPYC host), Debian 12';
export const SAMPLE_LAB_MACHINE_ZH = '一台 2 个 vCPU 的 Firecracker 虚拟机（宿主为 AMD EPYC），Debian 12';
