package dev.pyrometer.app.browser;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.pyrometer.model.testing.ExternalTools;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Headless Debian Chromium driven through the DevTools protocol, in plain Java (the JDK's WebSocket and Gson): no
 * npm, no driver. One browser with a fresh profile and no network chatter, one page; clicks, typing, mouse moves,
 * script evaluation, prompt answers, and a log of every request the page made.
 */
public final class Chromium implements AutoCloseable {
    public static final Path BINARY = Path.of("/usr/bin/chromium");
    private static final Pattern LISTENING = Pattern.compile("DevTools listening on ws://127\\.0\\.0\\.1:(\\d+)/");

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonObject>> pending = new ConcurrentHashMap<>();
    private final List<Consumer<JsonObject>> listeners = new CopyOnWriteArrayList<>();
    /** URLs of every request the page sent. */
    public final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    /** What a prompt() of the page is answered with (null: dismissed). */
    public volatile String promptAnswer;
    public final List<String> prompts = Collections.synchronizedList(new ArrayList<>());

    /** Starts Chromium, or skips the calling test when it is not installed (fails under CI). */
    public static Chromium start() throws Exception {
        ExternalTools.requireThat(Files.isExecutable(BINARY), "chromium is not installed at " + BINARY + " (apt-get install chromium)");
        return new Chromium();
    }

    private Chromium() throws Exception {
        profile = Files.createTempDirectory("pyrometer-chromium");
        process = new ProcessBuilder(BINARY.toString(), "--headless", "--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
            "--disable-default-apps", "--user-data-dir=" + profile, "--remote-debugging-port=0", "--window-size=1400,1000",
            "about:blank").redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        int port = port(process);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        String list = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list")).build(),
            HttpResponse.BodyHandlers.ofString()).body();
        String page = null;
        for (JsonElement target : JsonParser.parseString(list).getAsJsonArray()) {
            JsonObject t = target.getAsJsonObject();
            if ("page".equals(t.get("type").getAsString())) page = t.get("webSocketDebuggerUrl").getAsString();
        }
        if (page == null) throw new IOException("chromium has no page: " + list);
        socket = http.newWebSocketBuilder().buildAsync(URI.create(page), new Listener()).get(20, TimeUnit.SECONDS);
        listeners.add(this::onEvent);
        call("Page.enable", new JsonObject());
        call("Network.enable", new JsonObject());
        call("Runtime.enable", new JsonObject());
    }

    /** Reads the DevTools port from Chromium's standard error, then keeps draining it. */
    private static int port(Process process) throws Exception {
        BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try {
                for (String line; (line = err.readLine()) != null; ) {
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) port.complete(Integer.parseInt(m.group(1)));
                }
                port.completeExceptionally(new IOException("chromium exited before listening"));
            } catch (IOException e) {
                port.completeExceptionally(e);
            }
        }, "chromium-stderr");
        reader.setDaemon(true);
        reader.start();
        return port.get(60, TimeUnit.SECONDS);
    }

    private void onEvent(JsonObject message) {
        String method = message.has("method") ? message.get("method").getAsString() : "";
        if (method.equals("Network.requestWillBeSent")) {
            requests.add(message.getAsJsonObject("params").getAsJsonObject("request").get("url").getAsString());
        } else if (method.equals("Page.javascriptDialogOpening")) {
            prompts.add(message.getAsJsonObject("params").get("message").getAsString());
            JsonObject answer = new JsonObject();
            String text = promptAnswer;
            answer.addProperty("accept", text != null);
            if (text != null) answer.addProperty("promptText", text);
            send("Page.handleJavaScriptDialog", answer);
        }
    }

    /** Opens a URL and waits until it has loaded. */
    public void open(String url) throws Exception {
        CompletableFuture<Void> loaded = new CompletableFuture<>();
        Consumer<JsonObject> onLoad = m -> {
            if (m.has("method") && m.get("method").getAsString().equals("Page.loadEventFired")) loaded.complete(null);
        };
        listeners.add(onLoad);
        JsonObject params = new JsonObject();
        params.addProperty("url", url);
        call("Page.navigate", params);
        loaded.get(60, TimeUnit.SECONDS);
        listeners.remove(onLoad);
    }

    /** Evaluates an expression in the page and returns its value as JSON (null for undefined). */
    public JsonElement eval(String expression) throws Exception {
        JsonObject params = new JsonObject();
        params.addProperty("expression", expression);
        params.addProperty("returnByValue", true);
        params.addProperty("awaitPromise", true);
        JsonObject result = call("Runtime.evaluate", params);
        if (result.has("exceptionDetails")) throw new AssertionError("the page threw: " + result.get("exceptionDetails"));
        JsonObject value = result.getAsJsonObject("result");
        return value.has("value") ? value.get("value") : null;
    }

    public String evalString(String expression) throws Exception {
        JsonElement value = eval(expression);
        return value == null || value.isJsonNull() ? null : value.getAsString();
    }

    public double evalNumber(String expression) throws Exception {
        return eval(expression).getAsDouble();
    }

    /** Waits until a boolean expression holds in the page (20 s at most). */
    public void await(String what, String expression) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            JsonElement value = eval(expression);
            if (value != null && value.isJsonPrimitive() && value.getAsBoolean()) return;
            if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting until " + what + " (" + expression + ")");
            Thread.sleep(50);
        }
    }

    /** The centre of the first element a CSS selector finds, in page pixels. */
    public double[] centre(String selector) throws Exception {
        JsonElement box = eval("(() => { const e = document.querySelector(" + new Gson().toJson(selector) + "); if (!e) return null;"
            + " const r = e.getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2]; })()");
        if (box == null || box.isJsonNull()) throw new AssertionError("nothing matches " + selector);
        return new double[] {box.getAsJsonArray().get(0).getAsDouble(), box.getAsJsonArray().get(1).getAsDouble()};
    }

    /** A real mouse click (press and release) at the centre of an element. */
    public void click(String selector) throws Exception {
        double[] at = centre(selector);
        mouse("mouseMoved", at, 0);
        mouse("mousePressed", at, 1);
        mouse("mouseReleased", at, 1);
    }

    public void hover(String selector) throws Exception {
        mouse("mouseMoved", centre(selector), 0);
    }

    private void mouse(String type, double[] at, int clicks) throws Exception {
        JsonObject params = new JsonObject();
        params.addProperty("type", type);
        params.addProperty("x", at[0]);
        params.addProperty("y", at[1]);
        params.addProperty("button", type.equals("mouseMoved") ? "none" : "left");
        params.addProperty("clickCount", clicks);
        call("Input.dispatchMouseEvent", params);
    }

    /** Types text into the focused element. */
    public void type(String text) throws Exception {
        JsonObject params = new JsonObject();
        params.addProperty("text", text);
        call("Input.insertText", params);
    }

    /** Presses a key: Enter, Escape… */
    public void press(String key, int keyCode, int modifiers) throws Exception {
        for (String type : List.of("rawKeyDown", "keyUp")) {
            JsonObject params = new JsonObject();
            params.addProperty("type", type);
            params.addProperty("key", key);
            params.addProperty("code", key);
            params.addProperty("windowsVirtualKeyCode", keyCode);
            params.addProperty("modifiers", modifiers);
            call("Input.dispatchKeyEvent", params);
        }
    }

    private JsonObject call(String method, JsonObject params) throws Exception {
        return send(method, params).get(30, TimeUnit.SECONDS);
    }

    private CompletableFuture<JsonObject> send(String method, JsonObject params) {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonObject> answer = new CompletableFuture<>();
        pending.put(id, answer);
        JsonObject message = new JsonObject();
        message.addProperty("id", id);
        message.addProperty("method", method);
        message.add("params", params);
        synchronized (this) {
            // One message at a time: the WebSocket refuses a send while another is in progress.
            socket.sendText(message.toString(), true).join();
        }
        return answer;
    }

    @Override
    public void close() throws IOException {
        try {
            if (socket != null) socket.abort();
        } finally {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Puts frames of text together and routes each message: answers to their calls, events to the listeners. */
    private final class Listener implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                JsonObject message = JsonParser.parseString(text.toString()).getAsJsonObject();
                text.setLength(0);
                if (message.has("id")) {
                    CompletableFuture<JsonObject> answer = pending.remove(message.get("id").getAsInt());
                    if (answer != null) {
                        if (message.has("error")) answer.completeExceptionally(new IOException(message.get("error").toString()));
                        else answer.complete(message.getAsJsonObject("result"));
                    }
                } else {
                    // Events are handled off the socket's thread: a handler may itself call the browser.
                    CompletableFuture.runAsync(() -> listeners.forEach(l -> l.accept(message)));
                }
            }
            webSocket.request(1);
            return null;
        }
    }
}
