package com.patrolplanner.bench;

import com.patrolplanner.cli.CliCommand;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * {@code ./planner bench load [--seconds N] [--clients N] [--think-ms N]}: a bounded load generator on loopback. N
 * virtual clients (default 50) each run a loop of map requests — venue and school layers by bounding box, district
 * outlines, coverage hexagons and heat — over 奎文区 scaled ×100 ({@link LoadData}), for N seconds (default 600), then
 * stop. A client pauses a think time between requests (default uniform 0–2× 500 ms: a person panning a map; 0 = flat
 * out). The service under test is this same process, serving on the random port of {@code ./planner bench}; requests go
 * to 127.0.0.1 only, with HTTP Basic (the credential cache saves a bcrypt per request). Each client holds one
 * keep-alive connection of its own and reads every answer whole ({@link RawHttp}, as {@code wrk -c50} does; {@code
 * --client jdk} sends through {@link HttpClient} instead, as sessions 5 and 6 measured: it costs the shared cores
 * about 0.65 ms per request). Prints p50/p95/p99 per endpoint and overall, requests/s, errors, the load average, the
 * CPU per request (service, bench clients, PostgreSQL) and the peak RSS. Target: 0 errors, p95 ≤ 100 ms. Asserts
 * nothing.
 */
@ApplicationScoped
public class LoadBench implements CliCommand {
    static final String[] USERS = {"planner", "manager"};
    static final String PERIOD = "from=" + LoadData.FROM + "&to=" + LoadData.TO;

    @Inject
    LoadData data;

    @Override
    public String name() {
        return "bench:load";
    }

    @Override
    public String summary() {
        return "50 clients on loopback over map layers, bbox queries and coverage (--seconds N, default 600; target p95 ≤ 100 ms)";
    }

    @Inject
    jakarta.enterprise.inject.Instance<io.quarkus.value.registry.ValueRegistry> registry;

    /**
     * The port the service actually listens on. {@code ./planner bench} asks for port 0 (any free one); the configured
     * value then stays 0, and the chosen port is published in Quarkus' value registry once the server is up.
     */
    int httpPort() {
        Integer actual = registry.isResolvable() ? registry.get().getOrDefault(io.quarkus.vertx.http.HttpServer.HTTP_PORT, null)
                : null;
        int port = actual != null ? actual
                : ConfigProvider.getConfig().getOptionalValue("quarkus.http.port", Integer.class).orElse(8080);
        if (port <= 0) {
            throw new IllegalStateException("the HTTP port is not known (quarkus.http.port=" + port + ")");
        }
        return port;
    }

    record Endpoint(String name, int weight) {
    }

    static final List<Endpoint> MIX = List.of(new Endpoint("venues?bbox", 30), new Endpoint("schools?bbox", 20),
            new Endpoint("districts", 10), new Endpoint("coverage/hex", 20), new Endpoint("coverage/heat", 20));

    /** A request of the mix: a street-level view (≈ 1.5 km) nine times in ten, else the whole district. */
    static String path(Endpoint e, double[] box, Random r) {
        String bbox;
        if (r.nextInt(10) < 9) {
            double w = 0.015;
            double h = 0.012;
            double x = box[0] + r.nextDouble() * (box[2] - box[0] - w);
            double y = box[1] + r.nextDouble() * (box[3] - box[1] - h);
            bbox = String.format(Locale.ROOT, "%.5f,%.5f,%.5f,%.5f", x, y, x + w, y + h);
        } else {
            bbox = String.format(Locale.ROOT, "%.5f,%.5f,%.5f,%.5f", box[0], box[1], box[2], box[3]);
        }
        return switch (e.name()) {
            case "venues?bbox" -> "/api/venues?bbox=" + bbox;
            case "schools?bbox" -> "/api/schools?bbox=" + bbox;
            case "districts" -> "/api/districts";
            case "coverage/hex" -> "/api/coverage/hex?bbox=" + bbox + "&" + PERIOD;
            case "coverage/heat" -> "/api/coverage/heat?bbox=" + bbox + "&" + PERIOD;
            default -> throw new IllegalArgumentException(e.name());
        };
    }

    /** Latencies of one endpoint (µs), appended by many clients. */
    static final class Samples {
        private long[] v = new long[1024];
        private int n;
        final AtomicLong errors = new AtomicLong();
        /** Body bytes of the successful answers. */
        final AtomicLong bytes = new AtomicLong();
        final Map<String, AtomicLong> errorKinds = new java.util.concurrent.ConcurrentHashMap<>();

        synchronized void add(long micros) {
            if (n == v.length) {
                v = Arrays.copyOf(v, n * 2);
            }
            v[n++] = micros;
        }

        synchronized long[] sorted() {
            long[] s = Arrays.copyOf(v, n);
            Arrays.sort(s);
            return s;
        }

        void error(String kind) {
            errors.incrementAndGet();
            errorKinds.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
        }
    }

    static double pct(long[] s, double p) {
        if (s.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(p / 100.0 * s.length) - 1;
        return s[Math.max(0, Math.min(s.length - 1, i))] / 1000.0;
    }

    @Override
    public int run(String[] args, PrintStream out) throws Exception {
        int seconds = 600;
        int clients = 50;
        int thinkMs = 500;
        boolean jdkClient = false;
        int warmup = 20;
        boolean sessions = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--client" -> {
                    String c = args[++i];
                    if (!c.equals("raw") && !c.equals("jdk")) {
                        out.println("--client raw|jdk");
                        return 2;
                    }
                    jdkClient = c.equals("jdk");
                }
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--clients" -> clients = Integer.parseInt(args[++i]);
                case "--think-ms" -> thinkMs = Integer.parseInt(args[++i]);
                case "--no-think" -> thinkMs = 0;
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--auth" -> {
                    String a = args[++i];
                    if (!a.equals("basic") && !a.equals("session")) {
                        out.println("--auth basic|session");
                        return 2;
                    }
                    sessions = a.equals("session");
                }
                default -> {
                    out.println("usage: bench load [--seconds N] [--clients N] [--think-ms N | --no-think] [--warmup S] "
                            + "[--client raw|jdk] [--auth basic|session]");
                    return 2;
                }
            }
        }
        if (seconds < 1 || seconds > 3600 || clients < 1 || clients > 500 || thinkMs < 0 || warmup < 0 || warmup > 600) {
            out.println("--seconds 1..3600, --clients 1..500, --think-ms ≥ 0, --warmup 0..600");
            return 2;
        }
        double[] box = data.ensure(out);
        out.println("data: " + data.summary());
        int port = httpPort();
        String base = "http://127.0.0.1:" + port;
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newFixedThreadPool(4, r -> {
                    Thread t = new Thread(r, CLIENT_THREAD + "http");
                    t.setDaemon(true);
                    return t;
                })).build();

        // warm-up: every endpoint once per user (coverage syncs its venue cells on first use), not counted
        long w0 = System.nanoTime();
        Random wr = new Random(1);
        for (String u : USERS) {
            for (Endpoint e : MIX) {
                HttpResponse<byte[]> r = http.send(request(base + path(e, box, wr), u), HttpResponse.BodyHandlers.ofByteArray());
                if (r.statusCode() != 200) {
                    out.printf("warm-up %s as %s: HTTP %d %s%n", e.name(), u, r.statusCode(),
                            new String(r.body(), StandardCharsets.UTF_8));
                    return 1;
                }
            }
        }
        out.printf("first requests %.1f s; port %d; %d clients (%s), think time uniform 0–%d ms, warm-up %d s, %d s%n",
                (System.nanoTime() - w0) / 1e9, port, clients, (jdkClient ? "java.net.http.HttpClient"
                        : "one keep-alive socket each") + (sessions ? ", browser sessions" : ", HTTP Basic"), 2 * thinkMs,
                warmup, seconds);

        int totalWeight = MIX.stream().mapToInt(Endpoint::weight).sum();
        // what each client sends to say who it is: HTTP Basic (an API client), or the cookie of a browser session of its
        // own (a map page: each client logs in once through the login form)
        String[] credentials = new String[clients];
        for (int c = 0; c < clients; c++) {
            String user = USERS[c % USERS.length];
            credentials[c] = sessions ? "Cookie: pp_session=" + login(http, base, user)
                    : "Authorization: Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
        }
        RawHttp[] conns = new RawHttp[clients];
        for (int c = 0; c < clients && !jdkClient; c++) {
            conns[c] = new RawHttp("127.0.0.1", port, 30_000);
        }
        HttpClient jdkHttp = jdkClient ? http : null;
        java.lang.management.CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        if (warmup > 0) {
            // the same clients and mix, not counted: the JIT compiles the request path before the measurement (a
            // service runs warm; the first seconds of a cold JVM cost several times the CPU per request)
            Map<String, Samples> ignored = new LinkedHashMap<>();
            MIX.forEach(e -> ignored.put(e.name(), new Samples()));
            long jitW = jit.getTotalCompilationTime();
            phase(clients, warmup, totalWeight, ignored, jdkHttp, conns, credentials, base, box, thinkMs, new AtomicLong(), 7);
            out.printf("warm-up: %d requests in %d s, JIT compiling %.1f s%n",
                    ignored.values().stream().mapToLong(x -> x.sorted().length).sum(), warmup,
                    (jit.getTotalCompilationTime() - jitW) / 1000.0);
        }

        Map<String, Samples> samples = new LinkedHashMap<>();
        MIX.forEach(e -> samples.put(e.name(), new Samples()));
        double load0 = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        CpuUse cpu0 = CpuUse.now(data);
        long jit0 = jit.getTotalCompilationTime();
        long reads0 = com.patrolplanner.web.DataVersion.sequenceReads();
        long start = System.nanoTime();
        AtomicLong clientLoopCpu = new AtomicLong();
        phase(clients, seconds, totalWeight, samples, jdkHttp, conns, credentials, base, box, thinkMs, clientLoopCpu, 0);
        for (RawHttp c : conns) {
            if (c != null) {
                c.close();
            }
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        double load1 = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        CpuUse cpu1 = CpuUse.now(data);
        long clientCpu = clientLoopCpu.get() + CpuUse.threadsNamed(CLIENT_THREAD + "http") + CpuUse.threadsNamed("HttpClient-")
                - cpu0.clientHttp();

        report(out, samples, elapsed, load0, load1);
        long n = samples.values().stream().mapToLong(x -> x.sorted().length).sum();
        out.printf(Locale.ROOT, "JIT compiling during the measurement: %.1f s; data-version reads %.2f per request%n",
                (jit.getTotalCompilationTime() - jit0) / 1000.0,
                n == 0 ? 0.0 : (com.patrolplanner.web.DataVersion.sequenceReads() - reads0) / (double) n);
        if (n > 0 && cpu0.process() >= 0 && cpu1.process() >= 0) {
            double jvm = (cpu1.process() - cpu0.process()) / 1e6 / n;
            double clientMs = clientCpu / 1e6 / n;
            out.printf(Locale.ROOT, "CPU per request: service %.2f ms (this JVM %.2f less the bench's own clients %.2f), "
                    + "PostgreSQL %s; the machine's %d cores for %.0f s = %.1f ms per request%n", jvm - clientMs, jvm, clientMs,
                    cpu0.postgres() < 0 || cpu1.postgres() < 0 ? "unknown"
                            : String.format(Locale.ROOT, "%.2f ms", (cpu1.postgres() - cpu0.postgres()) / 1e6 / n),
                    Runtime.getRuntime().availableProcessors(), elapsed,
                    Runtime.getRuntime().availableProcessors() * elapsed * 1000 / n);
        }
        out.println(MemoryReport.line());
        String nmt = MemoryReport.nativeSummary();
        if (nmt != null) {
            out.println(nmt);
        }
        return 0;
    }

    static final String CLIENT_THREAD = "load-bench-client-";

    /** {@code clients} loops for {@code seconds}, each on its own connection (or the shared JDK client); their CPU added up. */
    private void phase(int clients, int seconds, int totalWeight, Map<String, Samples> samples, HttpClient http,
            RawHttp[] conns, String[] credentials, String base, double[] box, int think, AtomicLong clientLoopCpu, int seed)
            throws InterruptedException {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(clients, r -> new Thread(r, CLIENT_THREAD + "loop"));
        for (int c = 0; c < clients; c++) {
            int client = c;
            pool.submit(() -> {
                long cpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
                try {
                    loop(client + 1000 * seed, end, totalWeight, samples, http, conns[client], credentials[client], base, box,
                            think);
                } finally {
                    clientLoopCpu.addAndGet(ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu);
                }
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(seconds + 120L, TimeUnit.SECONDS)) {
            pool.shutdownNow();
        }
    }

    /**
     * CPU time used so far (ns): this process, the PostgreSQL backends serving this database (from {@code /proc}, the
     * bench runs on the database's machine; -1 when unreadable), and the HTTP client's threads.
     */
    record CpuUse(long process, long postgres, long clientHttp) {
        static CpuUse now(LoadData data) {
            long p = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                    ? os.getProcessCpuTime() : -1;
            return new CpuUse(p, data.backendCpuNanos(), threadsNamed(CLIENT_THREAD + "http") + threadsNamed("HttpClient-"));
        }

        static long threadsNamed(String prefix) {
            var mx = ManagementFactory.getThreadMXBean();
            long sum = 0;
            for (java.lang.management.ThreadInfo t : mx.getThreadInfo(mx.getAllThreadIds())) {
                if (t != null && t.getThreadName().startsWith(prefix)) {
                    long c = mx.getThreadCpuTime(t.getThreadId());
                    sum += Math.max(0, c);
                }
            }
            return sum;
        }
    }

    private void loop(int client, long end, int totalWeight, Map<String, Samples> samples, HttpClient http, RawHttp raw,
            String credential, String base, double[] box, int think) {
        Random r = new Random(1000 + client);
        int colon = credential.indexOf(':');
        String headerName = credential.substring(0, colon);
        String headerValue = credential.substring(colon + 2);
        while (System.nanoTime() < end) {
            int pick = r.nextInt(totalWeight);
            Endpoint e = MIX.get(0);
            for (Endpoint x : MIX) {
                if ((pick -= x.weight()) < 0) {
                    e = x;
                    break;
                }
            }
            Samples s = samples.get(e.name());
            long t = System.nanoTime();
            try {
                int status;
                long bytes;
                if (raw != null) {
                    RawHttp.Answer a = raw.get(path(e, box, r), credential);
                    status = a.status();
                    bytes = a.bodyBytes();
                } else {
                    HttpResponse<byte[]> resp = http.send(HttpRequest.newBuilder(URI.create(base + path(e, box, r)))
                            .timeout(Duration.ofSeconds(30)).header(headerName, headerValue).GET().build(),
                            HttpResponse.BodyHandlers.ofByteArray());
                    status = resp.statusCode();
                    bytes = resp.body().length;
                }
                long micros = (System.nanoTime() - t) / 1000;
                if (status == 200 && bytes > 0) {
                    s.add(micros);
                    s.bytes.addAndGet(bytes);
                } else {
                    s.error("HTTP " + status);
                }
            } catch (Exception ex) {
                s.error(ex.getClass().getSimpleName());
            }
            if (think > 0) {
                try {
                    Thread.sleep(r.nextInt(2 * think + 1));
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    private static void report(PrintStream out, Map<String, Samples> samples, double elapsed, double load0, double load1) {
        out.printf("%n%s, %d cores, load average %.2f at start, %.2f at end%n", OffsetDateTime.now().withNano(0),
                Runtime.getRuntime().availableProcessors(), load0, load1);
        out.println("| endpoint | requests | errors | p50 ms | p95 ms | p99 ms | max ms | mean KiB |");
        out.println("|---|---|---|---|---|---|---|---|");
        List<Long> all = new ArrayList<>();
        long errors = 0;
        long allBytes = 0;
        for (Map.Entry<String, Samples> en : samples.entrySet()) {
            long[] s = en.getValue().sorted();
            for (long x : s) {
                all.add(x);
            }
            errors += en.getValue().errors.get();
            out.printf(Locale.ROOT, "| %s | %d | %d | %.1f | %.1f | %.1f | %.1f | %.1f |%n", en.getKey(), s.length,
                    en.getValue().errors.get(), pct(s, 50), pct(s, 95), pct(s, 99), pct(s, 100),
                    s.length == 0 ? 0.0 : en.getValue().bytes.get() / 1024.0 / s.length);
            allBytes += en.getValue().bytes.get();
        }
        long[] total = all.stream().mapToLong(Long::longValue).sorted().toArray();
        out.printf(Locale.ROOT, "| **all** | %d | %d | %.1f | %.1f | %.1f | %.1f | %.1f |%n", total.length, errors,
                pct(total, 50), pct(total, 95), pct(total, 99), pct(total, 100),
                total.length == 0 ? 0.0 : allBytes / 1024.0 / total.length);
        out.printf(Locale.ROOT, "%.1f requests/s over %.0f s; errors %d%s%n", total.length / elapsed, elapsed, errors,
                errors == 0 ? "" : " " + samples.entrySet().stream()
                        .filter(x -> x.getValue().errors.get() > 0)
                        .map(x -> x.getKey() + " " + x.getValue().errorKinds).toList());
        out.printf("target: 0 errors, p95 ≤ 100 ms → %s%n",
                errors == 0 && pct(total, 95) <= 100 ? "met" : "NOT met");
    }

    /** Logs in through the browser's login form; the session token of its cookie. */
    static String login(HttpClient http, String base, String user) throws Exception {
        String form = "j_username=" + user + "&j_password=" + user;
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/j_security_check"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-Requested-With", "bench")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        return r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("pp_session="))
                .map(c -> c.substring("pp_session=".length(), c.indexOf(';') < 0 ? c.length() : c.indexOf(';'))).findFirst()
                .orElseThrow(() -> new IllegalStateException("login as " + user + ": HTTP " + r.statusCode() + ", no session cookie"));
    }

    private static HttpRequest request(String url, String user) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
                .GET().build();
    }
}
