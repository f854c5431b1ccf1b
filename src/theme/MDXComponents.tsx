import MDXComponents from '@theme-original/MDXComponents';
import CourseMap from '@site/src/components/CourseMap';
import DataPath from '@site/src/components/DataPath';
import Quiz, {Choice, Question} from '@site/src/components/Quiz';

// Components used across chapters are registered once here instead of imported per page.
export default {
  ...MDXComponents,
  CourseMap,
  DataPath,
  Quiz,
  Question,
  Choice,
};
