package io.dtx.walkthrough.demo;

/** One step of the story. Each works on its own (it makes any earlier payment it needs), so any can be replayed. */
interface Step {

    /** The key of the heading the narrator prints ({@code demo/narration.properties}). */
    String title();

    /** Shows what happens and checks it against the databases through {@link Scene#check}. */
    void play(Scene scene);
}
