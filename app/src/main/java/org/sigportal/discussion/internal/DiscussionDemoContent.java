package org.sigportal.discussion.internal;

import org.sigportal.base.demo.DemoContent;
import org.sigportal.base.markdown.SafeMarkdown;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Sample categories and threads, in Chinese and English, with replies and mentions between the demo members; all
 * marked as demo.
 */
@Component
class DiscussionDemoContent implements DemoContent {

    private record Seed(String category, String author, String title, List<String> tags, String body,
                        List<String[]> replies) {
    }

    private final JooqDiscussionRepository repository;
    private final SafeMarkdown markdown;
    private final Clock clock;

    DiscussionDemoContent(JooqDiscussionRepository repository, SafeMarkdown markdown, Clock clock) {
        this.repository = repository;
        this.markdown = markdown;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public String name() {
        return "discussions";
    }

    @Override
    public void seed() {
        OffsetDateTime start = OffsetDateTime.now(clock).minusDays(12);
        String[][] categories = {
                {"general", "综合讨论 · General", "Anything about the SIG: introductions, events, questions."},
                {"cloud-native", "云原生 SIG · Cloud Native", "LifseaOS, runtimes, the node OS operated through APIs."},
                {"confidential-containers", "机密容器 · Confidential Containers", "TEEs, attestation, sealed secrets."},
                {"storage", "高性能存储 · High-performance Storage", "CSI drivers, local and distributed storage."},
                {"container-network", "容器网络 · Container Network", "CNI, eBPF datapaths, service meshes."},
                {"container-os", "容器 OS · Container OS", "Image-based updates, read-only root, rollback."},
        };
        java.util.Map<String, Long> ids = new java.util.HashMap<>();
        for (int i = 0; i < categories.length; i++) {
            ids.put(categories[i][0], repository.insertCategory(categories[i][0], categories[i][1], categories[i][2],
                    i, true, start));
        }
        List<Seed> seeds = List.of(
                new Seed("cloud-native", "zhang.wei", "LifseaOS 节点升级后 containerd 版本不一致怎么办?",
                        List.of("lifseaos", "升级"), """
                        我们的集群里有 40% 的节点还在 LifseaOS 1.8,其余已经升级到 2.0,`containerd` 版本因此分成了
                        1.6 和 1.7 两批。大家是怎么**分批升级**并保证工作负载不中断的?

                        目前的做法:
                        1. 先 cordon,再 drain;
                        2. 通过 API 切换 OS 镜像;
                        3. 重启后 uncordon。
                        """,
                        List.<String[]>of(new String[]{"alice.chen", """
                                @zhang.wei we roll upgrades per zone with a disruption budget on every workload.
                                The portal's fleet overview shows which nodes drift from the target image, which
                                is how we track progress."""},
                                new String[]{"wang.fang", "补充一点:升级前先确认 RuntimeClass 对应的运行时在新镜像里都已安装,尤其是 `rund`。"})),
                new Seed("confidential-containers", "alice.chen", "Attestation for confidential containers on TDX",
                        List.of("tee", "attestation"), """
                        We are evaluating **confidential containers** on Intel TDX nodes. How do people run the
                        attestation service: one per cluster, or shared across the fleet?

                        Requirements we heard at the last round-table:
                        - sealed secrets released only after attestation;
                        - images pulled and decrypted inside the TEE.
                        """,
                        List.<String[]>of(new String[]{"zhang.wei", "@alice.chen 我们是每个 region 部署一个 attestation 服务,机密容器的密钥由 KBS 下发。"},
                                new String[]{"bob.kumar", "Is there a requirement filed for the KBS high-availability setup? I'd vote for it."})),
                new Seed("storage", "wang.fang", "云原生存储方案选型:本地盘还是分布式存储?",
                        List.of("csi", "存储"), """
                        数据库类工作负载对延迟很敏感。我们在比较 **本地 NVMe + CSI** 与分布式块存储两种存储方案,
                        想听听大家在生产环境中的经验,尤其是节点排空(drain)时数据迁移的处理。
                        """,
                        List.<String[]>of(new String[]{"li.na", "本地盘的性能最好,但 drain 时需要应用层复制,我们用 StatefulSet + PDB 控制。"})),
                new Seed("general", "bob.kumar", "Welcome! Introduce yourself here",
                        List.of("welcome"), """
                        New to the SIG? Say hello, tell us what you run and what hurts. Round-table meetings are
                        every other Thursday; requirements raised here are discussed there.
                        """,
                        List.<String[]>of(new String[]{"li.na", "大家好,我负责公司内部的容器平台运维,主要关注节点 OS 的碎片化问题。"},
                                new String[]{"alice.chen", "Hi all, upstream Kata Containers contributor here. Happy to help with sandboxed runtimes."})),
                new Seed("container-network", "li.na", "eBPF datapath with secure containers",
                        List.of("ebpf", "kata"), """
                        Running an eBPF-based CNI together with **Kata** sandboxes: the network namespace lives in the
                        guest. Has anyone measured the overhead versus runc pods?
                        """,
                        List.of()),
                new Seed("container-os", "zhang.wei", "只读根文件系统下如何调试节点?", List.of("lifseaos", "debug"), """
                        LifseaOS 的根文件系统是只读的,也没有包管理器。排查问题时大家一般怎么做?用调试容器还是
                        临时的 debug 镜像?
                        """,
                        List.<String[]>of(new String[]{"wang.fang", "推荐 `kubectl debug node/<name>`,工具都放在调试镜像里,节点本身保持不变。"})));
        int minutes = 0;
        for (Seed seed : seeds) {
            long author = repository.userId(seed.author());
            OffsetDateTime at = start.plusHours(minutes += 97);
            long thread = repository.insertThread(ids.get(seed.category()), seed.title(), author, true, at);
            String body = seed.body().stripIndent().strip();
            long post = repository.insertPost(thread, author, true, body, null,
                    PostText.tokens(markdown, seed.title(), body), at);
            repository.setTags(thread, seed.tags());
            repository.touchThread(thread, post, at, 0);
            for (String[] r : seed.replies()) {
                at = at.plusMinutes(minutes += 13);
                String text = r[1].stripIndent().strip();
                long reply = repository.insertPost(thread, repository.userId(r[0]), false, text, null,
                        PostText.tokens(markdown, null, text), at);
                repository.touchThread(thread, reply, at, 1);
            }
        }
    }
}
