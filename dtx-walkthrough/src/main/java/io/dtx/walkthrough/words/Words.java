package io.dtx.walkthrough.words;

import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeMap;

/**
 * Sentences in one language, from a {@code .properties} bundle (English the base file, each other
 * language its own): no sentence a learner reads lives in code, so a translation is a file, and a
 * test holds the files in step. Values go in as {@code {0}}, {@code {1}}, ..., replaced as they
 * are (so an apostrophe needs no escaping, unlike {@code MessageFormat}); {@code \n} starts a new line.
 */
public final class Words {

    private final ResourceBundle bundle;

    private Words(ResourceBundle bundle) {
        this.bundle = bundle;
    }

    /**
     * The bundle {@code name} (e.g. {@code demo/narration}) in {@code language}; English for a
     * language it has no file for, never the machine's default language.
     */
    public static Words in(String name, Locale language) {
        return new Words(ResourceBundle.getBundle(
                name, language, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
    }

    /** The sentence {@code key} with its values put in; a missing key fails loudly (the parity tests find it first). */
    public String text(String key, Object... values) {
        String text = bundle.getString(key);
        for (int i = 0; i < values.length; i++) {
            text = text.replace("{" + i + "}", String.valueOf(values[i]));
        }
        return text;
    }

    /** The sentence {@code key}, or {@code otherwise} when the bundle has none (e.g. a milestone added later). */
    public String textOr(String key, String otherwise) {
        return bundle.containsKey(key) ? bundle.getString(key) : otherwise;
    }

    public Set<String> keys() {
        return bundle.keySet();
    }

    /** Every sentence by key, for a page that puts them in itself. */
    public Map<String, String> all() {
        Map<String, String> all = new TreeMap<>();
        bundle.keySet().forEach(key -> all.put(key, bundle.getString(key)));
        return all;
    }

    /** The language tag of the file the words came from: {@code zh-CN}, or {@code en} for the base file. */
    public String languageTag() {
        Locale locale = bundle.getLocale();
        return locale == null || locale.equals(Locale.ROOT) ? "en" : locale.toLanguageTag();
    }
}
