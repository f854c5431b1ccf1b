import MDXComponents from '@theme-original/MDXComponents';
import CourseMap from '@site/src/components/CourseMap';

// Components used across chapters are registered once here instead of imported per page.
export default {
  ...MDXComponents,
  CourseMap,
};
