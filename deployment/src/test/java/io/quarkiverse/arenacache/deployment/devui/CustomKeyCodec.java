package io.quarkiverse.arenacache.deployment.devui;

import io.quarkiverse.arenacache.deployment.test.Utf8Codec;

/**
 * A key codec of the application's own: the Dev UI cannot know how its keys are written as text, so it must not
 * offer key actions for caches using it (even though it stores strings). Its bytes are plain UTF-8; what matters
 * here is only that it is not one of the built-in codecs.
 */
public class CustomKeyCodec extends Utf8Codec {
}
