import MDXComponents from '@theme-original/MDXComponents';
import CostChart from '@site/src/components/CostChart';
import CourseMap from '@site/src/components/CourseMap';
import DataPath from '@site/src/components/DataPath';
import DmaTimeline from '@site/src/components/DmaTimeline';
import GatherList from '@site/src/components/GatherList';
import MethodTable from '@site/src/components/MethodTable';
import MethodCompare from '@site/src/components/MethodCompare';
import PageFaults from '@site/src/components/PageFaults';
import Quiz, {Choice, Question} from '@site/src/components/Quiz';
import SyscallTimeline from '@site/src/components/SyscallTimeline';
import type {ComponentProps} from 'react';

/**
 * A Markdown table scrolls sideways inside itself on a phone (Infima makes tables blocks with
 * overflow: auto). Focusable, it can be scrolled with the arrow keys too (axe's
 * scrollable-region-focusable); its role stays "table".
 */
function Table(props: ComponentProps<'table'>) {
  return <table tabIndex={0} {...props} />;
}

// Components used across chapters are registered once here instead of imported per page.
export default {
  ...MDXComponents,
  CostChart,
  CourseMap,
  DataPath,
  DmaTimeline,
  GatherList,
  MethodCompare,
  MethodTable,
  PageFaults,
  Quiz,
  Question,
  Choice,
  SyscallTimeline,
  table: Table,
};
