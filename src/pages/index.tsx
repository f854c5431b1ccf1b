import React from 'react';
import Layout from '@theme/Layout';
import Link from '@docusaurus/Link';
import Heading from '@theme/Heading';
import Translate, {translate} from '@docusaurus/Translate';
import CourseMap from '@site/src/components/CourseMap';
import styles from './index.module.css';

export default function Home(): React.ReactNode {
  return (
    <Layout
      title={translate({id: 'home.title', message: 'Zero-copy I/O, explained and exercised'})}
      description={translate({
        id: 'home.description',
        message:
          'A course on how Linux moves bytes from a file to a socket: read/write, sendfile, scatter-gather DMA, mmap and Java NIO, with live models and graded exercises.',
      })}>
      <header className={styles.hero}>
        <div className="container">
          <Heading as="h1" className={styles.title}>
            <Translate id="home.heading">Zero-Copy, Explained and Exercised</Translate>
          </Heading>
          <p className={styles.lead}>
            <Translate id="home.lead">
              Follow every byte from the disk to the network card. See which copies the CPU makes, which a DMA engine
              makes, and which ones sendfile(), scatter-gather and mmap() take away. Then rebuild the model yourself and
              let the grader check it.
            </Translate>
          </p>
          <div className={styles.actions}>
            <Link className="button button--primary button--lg" to="/docs/">
              <Translate id="home.start">Start the course</Translate>
            </Link>
            <Link className="button button--secondary button--lg" to="/docs/exercises/">
              <Translate id="home.exercises">Work on the exercises</Translate>
            </Link>
          </div>
        </div>
      </header>
      <main className="container margin-vert--lg">
        <Heading as="h2">
          <Translate id="home.map">The course map</Translate>
        </Heading>
        <p>
          <Translate id="home.mapIntro">
            Six core chapters, in order. Each one has diagrams drawn from the same model, a live component to click
            through, a short quiz, and an exercise package graded by Vitest.
          </Translate>
        </p>
        <CourseMap headingLevel={3} />
      </main>
    </Layout>
  );
}
