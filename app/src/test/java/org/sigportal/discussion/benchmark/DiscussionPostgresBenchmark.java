package org.sigportal.discussion.benchmark;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.sigportal.base.markdown.SafeMarkdown;
import org.sigportal.discussion.DiscussionService;
import org.sigportal.discussion.ThreadPage;
import org.sigportal.discussion.ThreadQuery;
import org.sigportal.discussion.ThreadStatus;
import org.sigportal.discussion.internal.PostText;
import org.sigportal.support.PostgresDatabase;
import org.sigportal.support.SignedIn;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * Not a test: run with {@code mvn -Pbenchmark verify -pl app} (after installing the other modules). Loads a million
 * posts in about a hundred thousand threads, in Chinese and English, into a real PostgreSQL server, with search
 * tokens made by the portal's own tokenizer, then prints the server time of search (Chinese bigrams, English word
 * forms, identifiers, a term that finds nothing) and of the thread list's keyset pages (first page, a deep page,
 * per category, per tag and status, a member's unread markers), all through {@link DiscussionService}: median and
 * p95 over repeated runs.
 */
@PostgresDatabase
@Tag("benchmark")
class DiscussionPostgresBenchmark {

    private static final int POSTS = 1_000_000;
    private static final double NEW_THREAD = 0.1;
    private static final int MEMBERS = 500;
    private static final int CHUNK = 50_000;
    private static final int RUNS = 60;

    private static final String[] CATEGORIES = {"general", "container-os", "secure-containers", "confidential",
            "storage", "network"};
    private static final String[] TAGS = {"lifseaos", "kata", "rund", "tdx", "sev", "attestation", "containerd",
            "kernel", "upgrade", "drain", "csi", "snapshot", "ebpf", "ipv6", "registry", "image", "runtimeclass",
            "edge", "performance", "docs", "question", "bug", "proposal", "anolis", "arm64", "gpu", "logging",
            "security", "rust", "helm"};

    private static final String[] ZH = {
            "我们在生产集群中把节点升级到 LifseaOS 2.0 之后，容器启动时间明显缩短。",
            "机密容器在 TDX 机器上运行时，镜像需要加密并通过远程证明获取密钥。",
            "云原生存储的快照功能在大规模集群下偶尔超时。",
            "请问 RunD 安全容器的内存开销是多少？",
            "节点操作系统版本碎片化严重，有没有统一升级的方案？",
            "内核参数调优后，网络延迟下降了百分之二十。",
            "我们希望运行时类可以按命名空间设置默认值。",
            "只读根文件系统对日志采集代理有影响吗？",
            "远程证明服务的部署文档还不完整。",
            "容器镜像按需加载可以大幅减少冷启动时间。",
            "这个问题在上游社区已经有人提交了补丁。",
            "建议在下次圆桌会议上讨论存储插件的兼容性。",
            "高性能存储 SIG 的同学可以帮忙看一下吗？",
            "升级过程中 kubelet 报告节点 NotReady，等待几分钟后恢复。",
            "安全容器和普通容器混合部署时调度策略如何配置？",
            "我们在边缘集群上使用 Anolis OS 8.8，计划明年迁移。",
            "加密镜像的解密密钥由密钥代理服务提供。",
            "节点排空时 PodDisruptionBudget 阻止了驱逐。",
            "containerd 1.7 的沙箱接口对机密计算很重要。",
            "文件系统缓存命中率是性能的关键。",
            "感谢解答，问题已经解决。",
            "能否提供一份复现步骤和日志？",
            "网络插件在 IPv6 双栈模式下出现丢包。",
            "我们的容器网络使用 eBPF 实现服务负载均衡。",
            "请问这个特性计划在哪个版本发布？",
            "存储卷挂载失败，错误信息是权限不足。",
            "机密计算需要硬件支持，例如 Intel TDX 或 AMD SEV。",
            "镜像仓库的访问速度影响节点扩容。",
            "自动化运维接口可以替代手工登录节点。",
            "我们正在评估把运行时从 runc 切换到 Kata。"};
    private static final String[] EN = {
            "After upgrading the nodes to LifseaOS 2.0, container start-up got noticeably faster.",
            "Confidential containers need encrypted images and remote attestation to release the keys.",
            "Snapshots on the cloud-native storage driver time out now and then on large clusters.",
            "What is the memory overhead of a RunD sandbox per pod?",
            "Our fleet runs four different OS versions; is there a plan for rolling upgrades?",
            "Tuning the kernel parameters reduced network latency by twenty percent.",
            "We would like a default RuntimeClass per namespace.",
            "Does the read-only root filesystem break the log collection agent?",
            "The attestation service deployment guide is incomplete.",
            "Lazy loading of container images cuts cold starts considerably.",
            "Someone already sent a patch upstream for this problem.",
            "Let's discuss storage plugin compatibility at the next round-table meeting.",
            "Could someone from the high-performance storage SIG take a look?",
            "During the upgrade kubelet reported the node NotReady; it recovered after a few minutes.",
            "How do you configure scheduling when secure containers and runc pods share nodes?",
            "Our edge clusters still run Anolis OS 8.8 and will migrate next year.",
            "The key broker service provides the decryption keys for encrypting and encrypted images.",
            "A PodDisruptionBudget blocked the eviction while draining the node.",
            "The sandbox API in containerd 1.7 matters for confidential computing.",
            "File system cache hit rate is the key to performance.",
            "Thanks, that solved it.",
            "Can you share the steps to reproduce and the logs?",
            "The network plugin drops packets in IPv6 dual-stack mode.",
            "Our container network uses eBPF for service load balancing.",
            "Which release will ship this feature?",
            "Mounting the volume fails with permission denied.",
            "Confidential computing needs hardware support such as Intel TDX or AMD SEV.",
            "Registry throughput limits how fast nodes scale out.",
            "Automated operations APIs replace logging in to nodes by hand.",
            "We are evaluating switching the runtime from runc to Kata."};
    private static final String[] ZH_TITLES = {"LifseaOS 升级后节点 NotReady", "机密容器的镜像加密方案",
            "存储快照超时", "RunD 内存开销", "操作系统版本碎片化", "内核调优经验", "默认运行时类",
            "只读根文件系统与日志", "远程证明部署", "镜像按需加载"};
    private static final String[] EN_TITLES = {"Nodes NotReady after the LifseaOS upgrade",
            "Encrypting images for confidential containers", "Storage snapshot time-outs", "RunD memory overhead",
            "OS version drift across the fleet", "Kernel tuning notes", "Default RuntimeClass per namespace",
            "Read-only root and log agents", "Deploying attestation", "Lazy image loading"};

    @Autowired
    DataSource dataSource;
    @Autowired
    SafeMarkdown markdown;
    @Autowired
    DiscussionService discussions;

    @Test
    void printTheFigures() throws Exception {
        long loadStart = System.nanoTime();
        Plan plan = plan();
        load(plan);
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;

        long storage = queryLong("SELECT pg_total_relation_size('discussion_post')");
        long index = queryLong("SELECT pg_relation_size('ix_post_search')");
        long storageCategory = queryLong("SELECT id FROM discussion_category WHERE slug = 'storage'");
        ThreadPage.Cursor deep = deepCursor(20);

        List<String> rows = new ArrayList<>();
        rows.add(row("search 存储 (Chinese bigram, common)", () -> discussions.search("存储", 20).size()));
        rows.add(row("search 机密 (Chinese bigram)", () -> discussions.search("机密", 20).size()));
        rows.add(row("search 机密容器 镜像 (three Chinese terms)", () -> discussions.search("机密容器 镜像", 20).size()));
        rows.add(row("search encrypted images (English word forms)",
                () -> discussions.search("encrypted images", 20).size()));
        rows.add(row("search kernel upgrade (English)", () -> discussions.search("kernel upgrade", 20).size()));
        rows.add(row("search lifsea-node-04711 (identifier, rare)",
                () -> discussions.search("lifsea-node-04711", 20).size()));
        rows.add(row("search a term no post has", () -> discussions.search("zyxwvut", 20).size()));
        rows.add(row("thread list, first page of 50", () -> discussions.threads(ThreadQuery.latest(50))
                .threads().size()));
        rows.add(row("thread list, page 21 (keyset)", () -> discussions.threads(
                new ThreadQuery(null, null, null, deep, 50)).threads().size()));
        rows.add(row("thread list, one category", () -> discussions.threads(
                new ThreadQuery(storageCategory, null, null, null, 50)).threads().size()));
        rows.add(row("thread list, tag kata", () -> discussions.threads(
                new ThreadQuery(null, "kata", null, null, 50)).threads().size()));
        rows.add(row("thread list, status answered", () -> discussions.threads(
                new ThreadQuery(null, null, ThreadStatus.ANSWERED, null, 50)).threads().size()));
        rows.add(SignedIn.as("bench-reader", () -> row("thread list with a member's unread markers",
                () -> discussions.threads(ThreadQuery.latest(50)).threads().size()), "ROLE_MEMBER"));
        long busyThread = plan.busiestThread + 1;
        rows.add(row("open a thread with " + plan.postsIn[plan.busiestThread] + " posts",
                () -> discussions.thread(busyThread).orElseThrow().posts().size()));

        System.out.println();
        System.out.printf("| measure (%,d posts, %,d threads, PostgreSQL) | median ms | p95 ms | results |%n",
                POSTS, plan.threads);
        System.out.println("|---|---|---|---|");
        rows.forEach(System.out::println);
        System.out.printf("| loading (tokenizing, COPY, GIN index, ANALYZE) | %.0f s | | |%n", loadSeconds);
        System.out.printf("| discussion_post on disk with indexes | %.0f MiB | | |%n", storage / 1048576.0);
        System.out.printf("| of which the search GIN index | %.0f MiB | | |%n", index / 1048576.0);

        // -Dbenchmark.hold-minutes=N keeps the loaded database open for a look with psql (EXPLAIN and such).
        int hold = Integer.getInteger("benchmark.hold-minutes", 0);
        if (hold > 0) {
            try (Connection c = dataSource.getConnection()) {
                System.out.println("Holding the database open for " + hold + " minutes: " + c.getMetaData().getURL());
            }
            Thread.sleep(Duration.ofMinutes(hold));
        }
    }

    // --- the data

    /** Which thread each post belongs to, in time order, and each thread's counts. */
    private static final class Plan {
        final int[] threadOf = new int[POSTS];
        int threads;
        int[] postsIn;
        int[] lastPost;
        int busiestThread;
    }

    private static Plan plan() {
        Plan plan = new Plan();
        Random random = new Random(7);
        int[] postsIn = new int[POSTS];
        int[] lastPost = new int[POSTS];
        for (int i = 0; i < POSTS; i++) {
            int thread;
            if (plan.threads == 0 || random.nextDouble() < NEW_THREAD) {
                thread = plan.threads++;
            } else {
                // Replies go mostly to recent threads, now and then to an old one.
                int span = random.nextInt(10) == 0 ? plan.threads : Math.min(plan.threads, 300);
                thread = plan.threads - 1 - (int) (span * Math.pow(random.nextDouble(), 2));
            }
            plan.threadOf[i] = thread;
            postsIn[thread]++;
            lastPost[thread] = i;
        }
        plan.postsIn = postsIn;
        plan.lastPost = lastPost;
        for (int t = 0; t < plan.threads; t++) {
            if (postsIn[t] > postsIn[plan.busiestThread]) {
                plan.busiestThread = t;
            }
        }
        return plan;
    }

    private static OffsetDateTime timeOf(int post) {
        return OffsetDateTime.of(2026, 12, 1, 0, 0, 0, 0, ZoneOffset.UTC).minusSeconds((long) (POSTS - post) * 30);
    }

    private static boolean chinese(int thread) {
        return thread % 5 < 3;
    }

    private static String title(int thread) {
        String[] titles = chinese(thread) ? ZH_TITLES : EN_TITLES;
        return titles[thread % titles.length] + " #" + thread;
    }

    private static String body(int post, int thread) {
        Random random = new Random(post * 31L + 17);
        String[] sentences = chinese(thread) ? ZH : EN;
        StringBuilder body = new StringBuilder();
        int n = 2 + random.nextInt(4);
        for (int s = 0; s < n; s++) {
            body.append(sentences[random.nextInt(sentences.length)]).append(random.nextBoolean() ? " " : "\n\n");
        }
        switch (random.nextInt(10)) {
            case 0 -> body.append("\n\n`kubectl describe node lifsea-node-")
                    .append(String.format("%05d", random.nextInt(100_000))).append('`');
            case 1 -> body.append("\n\n@bench-").append(String.format("%04d", random.nextInt(MEMBERS)));
            case 2 -> body.append("\n\n- containerd ").append(1 + random.nextInt(2)).append('.')
                    .append(random.nextInt(8)).append("\n- kernel 5.10.134-").append(10 + random.nextInt(8));
            case 3 -> body.append("\n\nSee https://github.com/openanolis/lifseaos/issues/")
                    .append(random.nextInt(5000));
            default -> { }
        }
        return body.toString();
    }

    private void load(Plan plan) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            s.execute("SET maintenance_work_mem = '512MB'");
            s.execute("DROP INDEX ix_post_search");
            OffsetDateTime joined = timeOf(0).minusDays(30);
            StringBuilder users = new StringBuilder();
            for (int m = 0; m <= MEMBERS; m++) {
                String name = m == MEMBERS ? "bench-reader" : String.format("bench-%04d", m);
                users.append(csv(1_000_000 + m, name, "Member " + m, joined, joined)).append('\n');
            }
            copy(c, "portal_user (id, username, display_name, created_at, updated_at)", users);
            s.execute("INSERT INTO portal_user_role (user_id, role) SELECT id, 'MEMBER' FROM portal_user "
                    + "WHERE id >= 1000000");
            StringBuilder categories = new StringBuilder();
            for (int k = 0; k < CATEGORIES.length; k++) {
                categories.append(csv(k + 1, CATEGORIES[k], CATEGORIES[k], k, joined)).append('\n');
            }
            copy(c, "discussion_category (id, slug, name, position, created_at)", categories);

            Random random = new Random(11);
            StringBuilder threads = new StringBuilder();
            StringBuilder tags = new StringBuilder();
            StringBuilder reads = new StringBuilder();
            int[] firstPost = new int[plan.threads];
            Arrays.fill(firstPost, -1);
            for (int i = 0; i < POSTS; i++) {
                if (firstPost[plan.threadOf[i]] < 0) {
                    firstPost[plan.threadOf[i]] = i;
                }
            }
            for (int t = 0; t < plan.threads; t++) {
                String status = switch (random.nextInt(10)) {
                    case 0, 1, 2 -> "ANSWERED";
                    case 3 -> "LOCKED";
                    default -> "OPEN";
                };
                threads.append(csv(t + 1, 1 + random.nextInt(CATEGORIES.length), title(t),
                        1_000_000 + random.nextInt(MEMBERS), status, plan.postsIn[t] - 1, plan.lastPost[t] + 1,
                        timeOf(plan.lastPost[t]), timeOf(firstPost[t]))).append('\n');
                int tagCount = random.nextInt(4);
                for (int k = 0; k < tagCount; k++) {
                    tags.append(csv(t + 1, TAGS[(t * 7 + k * 11) % TAGS.length])).append('\n');
                }
                if (random.nextInt(10) < 3) {
                    reads.append(csv(1_000_000 + MEMBERS, t + 1, plan.lastPost[t] + 1 - random.nextInt(2)))
                            .append('\n');
                }
            }
            copy(c, "discussion_thread (id, category_id, title, author_id, status, reply_count, last_post_id, "
                    + "last_activity_at, created_at)", threads);
            copy(c, "discussion_thread_tag (thread_id, tag)", tags);
            copy(c, "discussion_read (user_id, thread_id, last_read_post_id)", reads);

            for (int from = 0; from < POSTS; from += CHUNK) {
                int to = Math.min(POSTS, from + CHUNK);
                String[] lines = new String[to - from];
                int start = from;
                IntStream.range(from, to).parallel().forEach(i -> {
                    int thread = plan.threadOf[i];
                    boolean opening = firstPost[thread] == i;
                    String body = body(i, thread);
                    String tokens = PostText.tokens(markdown, opening ? title(thread) : null, body);
                    lines[i - start] = csv(i + 1, thread + 1, 1_000_000 + (i * 13) % MEMBERS, opening, body,
                            tokens, timeOf(i));
                });
                StringBuilder chunk = new StringBuilder();
                for (String line : lines) {
                    chunk.append(line).append('\n');
                }
                copy(c, "discussion_post (id, thread_id, author_id, opening, body, search_tokens, created_at)",
                        chunk);
            }
            s.execute("CREATE INDEX ix_post_search ON discussion_post USING gin (search_vector)");
            for (String table : List.of("portal_user", "discussion_category", "discussion_thread",
                    "discussion_post")) {
                s.execute("SELECT setval(pg_get_serial_sequence('" + table + "', 'id'), (SELECT max(id) FROM "
                        + table + "))");
            }
            s.execute("ANALYZE");
        }
    }

    private static void copy(Connection c, String target, CharSequence rows) throws SQLException {
        try {
            c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + target + " FROM STDIN WITH (FORMAT csv)",
                    new StringReader(rows.toString()));
        } catch (java.io.IOException e) {
            throw new SQLException(e);
        }
    }

    private static String csv(Object... values) {
        StringBuilder line = new StringBuilder();
        for (Object v : values) {
            if (!line.isEmpty()) {
                line.append(',');
            }
            line.append('"').append(String.valueOf(v).replace("\"", "\"\"")).append('"');
        }
        return line.toString();
    }

    private long queryLong(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    private ThreadPage.Cursor deepCursor(int pages) {
        ThreadPage.Cursor cursor = null;
        for (int p = 0; p < pages; p++) {
            cursor = discussions.threads(new ThreadQuery(null, null, null, cursor, 50)).next();
        }
        return cursor;
    }

    // --- timing

    private static String row(String name, Supplier<Integer> work) {
        int results = 0;
        for (int i = 0; i < 10; i++) {
            results = work.get();
        }
        double[] ms = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            work.get();
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        return String.format("| %s | %.2f | %.2f | %d |", name, ms[RUNS / 2], ms[(int) Math.ceil(RUNS * 0.95) - 1],
                results);
    }
}
