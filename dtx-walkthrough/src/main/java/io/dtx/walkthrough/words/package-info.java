/**
 * The walkthrough's sentences in the learner's language: the demo's story and the console's page
 * read them from resource bundles, English by default, {@code --lang zh-CN} for Chinese.
 */
package io.dtx.walkthrough.words;
