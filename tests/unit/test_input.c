/* The input layer: prompts, exec output, glued commands, pager residue,
 * line ends, headers, detection, scrubbing, limits, binary input. */
#include "test_util.h"

#include <dirent.h>
#include <stdlib.h>
#include <unistd.h>

#include "input/input_int.h"
#include "input/text.h"

struct fixture {
        struct arena a;
        struct text t;
        struct diag err;
};

static struct fixture fx;

static int setup(void **state)
{
        (void)state;
        arena_init(&fx.a, 0);
        memset(&fx.t, 0, sizeof(fx.t));
        fx.err.msg[0] = '\0';
        return 0;
}

static int teardown(void **state)
{
        (void)state;
        arena_free(&fx.a);
        return 0;
}

static const struct text *load(const char *s)
{
        if (text_from_buffer("t.cfg", s, strlen(s), &fx.a, &fx.t, &fx.err))
                fail_msg("load failed: %s", fx.err.msg);
        return &fx.t;
}

static void line_is(const struct text *t, size_t i, uint32_t lineno, const char *mode,
                    const char *s)
{
        if (i >= t->n)
                fail_msg("line %zu missing (n=%zu), expected \"%s\"", i, t->n, s);
        assert_string_equal(t->lines[i].s, s);
        assert_int_equal(t->lines[i].len, strlen(s));
        assert_int_equal(t->lines[i].lineno, lineno);
        if (mode)
                assert_string_equal(t->lines[i].mode, mode);
        else
                assert_null(t->lines[i].mode);
}

/* ---- prompts --------------------------------------------------------- */

static void prompts_seed_tunnel_group(void **state)
{
        (void)state;
        const struct text *t =
            load("intro\nsecurityappliance(config)#tunnel-group 10.0.0.1 ipsec-attributes "
                 "securityappliance(config-tunnel-ipsec)#no ikev1 pre-shared-key "
                 "securityappliance(config-tunnel-ipsec)# ikev1 pre-shared-key secretkey\n");
        assert_int_equal(t->n, 4);
        line_is(t, 1, 2, "config", "tunnel-group 10.0.0.1 ipsec-attributes");
        line_is(t, 2, 2, "config-tunnel-ipsec", "no ikev1 pre-shared-key");
        line_is(t, 3, 2, "config-tunnel-ipsec", "ikev1 pre-shared-key secretkey");
        assert_string_equal(t->lines[3].shown, "ikev1 pre-shared-key <secret>");
        assert_int_equal(t->lines[3].indent, 0);
        assert_false(t->lines[3].output);
        assert_string_equal(t->hostname, "securityappliance");
}

static void prompts_without_hostname(void **state)
{
        (void)state;
        const struct text *t = load("(config)#no isakmp key secretkey address 10.0.0.1 "
                                    "(config)#isakmp key secretkey address 10.0.0.1\n");
        assert_int_equal(t->n, 2);
        line_is(t, 0, 1, "config", "no isakmp key secretkey address 10.0.0.1");
        line_is(t, 1, 1, "config", "isakmp key secretkey address 10.0.0.1");
        assert_string_equal(t->lines[1].shown, "isakmp key <secret> address 10.0.0.1");
        assert_null(t->hostname);
}

static void prompts_exec_host_midline(void **state)
{
        (void)state;
        const struct text *t = load("Router#show crypto isakmp sa router#show crypto ipsec sa\n");
        assert_int_equal(t->n, 2);
        line_is(t, 0, 1, "exec", "show crypto isakmp sa");
        line_is(t, 1, 1, "exec", "show crypto ipsec sa");
}

static void prompts_modes_and_hosts(void **state)
{
        (void)state;
        const struct text *t =
            load("Router>enable Router#configure terminal Router(config)#interface ethernet0/1 "
                 "Router(config-if)#ip tcp adjust-mss 1300\n"
                 "R2(config)#crypto isakmp policy 10 R2(config-isakmp)#lifetime 86400\n"
                 "ASA-02(config)#management-access inside\n"
                 "router(config)#crypto map mymap 10 ipsec-isakmp "
                 "router(config-crypto-map)#set peer 10.0.0.1\n");
        assert_int_equal(t->n, 9);
        line_is(t, 0, 1, "exec", "enable");
        line_is(t, 1, 1, "exec", "configure terminal");
        line_is(t, 2, 1, "config", "interface ethernet0/1");
        line_is(t, 3, 1, "config-if", "ip tcp adjust-mss 1300");
        line_is(t, 4, 2, "config", "crypto isakmp policy 10");
        line_is(t, 5, 2, "config-isakmp", "lifetime 86400");
        line_is(t, 6, 3, "config", "management-access inside");
        line_is(t, 8, 4, "config-crypto-map", "set peer 10.0.0.1");
        assert_string_equal(t->hostname, "Router"); /* the first prompt */
}

/* The IOS crypto sub-modes whose prompts do not start with "config" are
 * prompts too; a parenthesised word that is no configuration mode is not. */
static void prompts_crypto_submodes(void **state)
{
        (void)state;
        const struct text *t = load("HUB(config)#crypto ipsec transform-set TS esp-aes\n"
                                    "HUB(cfg-crypto-trans)#mode transport\n"
                                    "HUB(ipsec-profile)#set transform-set TS\n"
                                    "HUB(conf-isa-prof)#keyring K\n"
                                    "HUB(conf-keyring)#pre-shared-key address 0.0.0.0 key k\n"
                                    "HUB(ca-trustpoint)#revocation-check none\n"
                                    "note(foo)#bar\n");
        assert_int_equal(t->n, 7);
        line_is(t, 1, 2, "cfg-crypto-trans", "mode transport");
        line_is(t, 2, 3, "ipsec-profile", "set transform-set TS");
        line_is(t, 3, 4, "conf-isa-prof", "keyring K");
        line_is(t, 4, 5, "conf-keyring", "pre-shared-key address 0.0.0.0 key k");
        line_is(t, 5, 6, "ca-trustpoint", "revocation-check none");
        line_is(t, 6, 7, NULL, "note(foo)#bar");
}

static void prompts_unknown_host_midline_is_not_cut(void **state)
{
        (void)state;
        /* "a#b" inside a line is no prompt unless "a" was a prompt's host */
        const struct text *t = load("description see R9#show and x>y\na->b\n");
        assert_int_equal(t->n, 2);
        line_is(t, 0, 1, NULL, "description see R9#show and x>y");
        line_is(t, 1, 2, NULL, "a->b");
}

static void hostname_command_wins(void **state)
{
        (void)state;
        const struct text *t = load("ciscoasa# show running-config\nhostname ASA01\n");
        assert_string_equal(t->hostname, "ASA01");
}

/* ---- exec output ----------------------------------------------------- */

static void exec_output_is_marked(void **state)
{
        (void)state;
        const struct text *t = load("Router#show crypto isakmp sa\n"
                                    "dst             src             state\n"
                                    "10.0.0.2        10.0.0.1        QM_IDLE\n"
                                    "Router#sh run\n"
                                    "Building configuration...\n"
                                    "Current configuration : 1234 bytes\n"
                                    "hostname R1\n"
                                    "crypto isakmp policy 10\n"
                                    " encr aes\n"
                                    "Router#more system:running-config\n"
                                    "tunnel-group 1.2.3.4 type ipsec-l2l\n"
                                    "R1(config)#crypto isakmp enable\n"
                                    "after config prompt\n");
        assert_int_equal(t->n, 11);
        line_is(t, 0, 1, "exec", "show crypto isakmp sa");
        assert_false(t->lines[0].output);
        assert_true(t->lines[1].output);
        assert_true(t->lines[2].output);
        line_is(t, 3, 4, "exec", "sh run");
        line_is(t, 4, 7, NULL, "hostname R1"); /* headers dropped */
        assert_false(t->lines[4].output);
        line_is(t, 6, 9, NULL, "encr aes");
        assert_int_equal(t->lines[6].indent, 1);
        assert_false(t->lines[6].output);
        line_is(t, 8, 11, NULL, "tunnel-group 1.2.3.4 type ipsec-l2l");
        assert_false(t->lines[8].output);
        assert_false(t->lines[10].output);
}

static void exec_configure_terminal_then_pasted_block(void **state)
{
        (void)state;
        const struct text *t = load("R1#conf t\n"
                                    "crypto isakmp policy 10\n"
                                    " encr aes\n"
                                    "R1(config-isakmp)#end\n"
                                    "R1#ping 10.0.0.2\n"
                                    "!!!!!\n");
        assert_int_equal(t->n, 6);
        assert_false(t->lines[1].output);
        assert_false(t->lines[2].output);
        line_is(t, 3, 4, "config-isakmp", "end");
        assert_true(t->lines[5].output);
}

static void exec_prints_config_forms(void **state)
{
        (void)state;
        static const struct {
                const char *cmd;
                bool config;
        } cases[] = {
            {"show running-config", true},
            {"show run", true},
            {"sh run | section crypto", true},
            {"show startup-config", true},
            {"write terminal", true},
            {"wr t", true},
            {"more system:running-config", true},
            {"show running-config all crypto map", true},
            {"show crypto isakmp sa", false},
            {"show version", false},
            {"show r", false},
            {"ping 10.0.0.1", false},
            {"conf t", true},
            {"configure terminal", true},
            {"con t", false},
        };
        for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++)
                if (exec_prints_config(cases[i].cmd, strlen(cases[i].cmd)) != cases[i].config)
                        fail_msg("%s: expected %d", cases[i].cmd, cases[i].config);
}

/* ---- glued commands -------------------------------------------------- */

static void glued_seed_lines_are_cut(void **state)
{
        (void)state;
        const struct text *t =
            load("ip route 0.0.0.0 0.0.0.0 172.22.1.1 ip route 192.168.200.0 255.255.255.0 "
                 "10.89.129.2 ip route 192.168.210.0 255.255.255.0 10.89.129.2\n"
                 "route outside 0.0.0.0 0.0.0.0 172.22.1.1 route outside 192.168.200.0 "
                 "255.255.255.0 10.89.129.2\n"
                 "access-list 110 deny ip 192.168.100.0 0.0.0.255 192.168.200.0 0.0.0.255 "
                 "access-list 110 permit ip 192.168.100.0 0.0.0.255 any route-map nonat permit 10 "
                 "match ip address 110 ip nat inside source route-map nonat interface "
                 "FastEthernet0/0 overload\n"
                 "crypto dynamic-map cisco 20 set transform-set myset crypto map mymap 10 match "
                 "address 100 crypto map mymap 10 set peer 172.16.77.10 crypto map mymap interface "
                 "outside\n"
                 "no threat-detection basic-threat no threat-detection scanning-threat shun no "
                 "threat-detection statistics\n");
        static const char *const want[] = {
            "ip route 0.0.0.0 0.0.0.0 172.22.1.1",
            "ip route 192.168.200.0 255.255.255.0 10.89.129.2",
            "ip route 192.168.210.0 255.255.255.0 10.89.129.2",
            "route outside 0.0.0.0 0.0.0.0 172.22.1.1",
            "route outside 192.168.200.0 255.255.255.0 10.89.129.2",
            "access-list 110 deny ip 192.168.100.0 0.0.0.255 192.168.200.0 0.0.0.255",
            "access-list 110 permit ip 192.168.100.0 0.0.0.255 any",
            "route-map nonat permit 10",
            "match ip address 110",
            "ip nat inside source route-map nonat interface FastEthernet0/0 overload",
            "crypto dynamic-map cisco 20 set transform-set myset",
            "crypto map mymap 10 match address 100",
            "crypto map mymap 10 set peer 172.16.77.10",
            "crypto map mymap interface outside",
            "no threat-detection basic-threat",
            "no threat-detection scanning-threat shun",
            "no threat-detection statistics",
        };
        static const uint32_t lines[] = {1, 1, 1, 2, 2, 3, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5};
        assert_int_equal(t->n, sizeof(want) / sizeof(*want));
        for (size_t i = 0; i < t->n; i++)
                line_is(t, i, lines[i], NULL, want[i]);
}

/* Sub-commands glued behind the command that opens their block (the seed's
 * rri, object NAT, tunnel-protocol and aaa sections), and prose glued on. */
static void glued_sub_commands_are_cut(void **state)
{
        (void)state;
        const struct text *t = load(
            "crypto map myMAP 10 ipsec-isakmp set peer 10.89.129.2 reverse-route set "
            "transform-set mySET match address 110\n"
            "crypto dynamic-map dynMAP 10 set transform-set mySET reverse-route crypto map myMAP "
            "60000 ipsec-isakmp dynamic dynMAP\n"
            "object network obj-local subnet 192.168.100.0 255.255.255.0 nat (inside,outside) 1 "
            "source static obj-local obj-local\n"
            "group-policy hf attributes vpn-tunnel-protocol l2tp-ipsec username u attributes "
            "vpn-tunnel-protocol l2tp-ipsec Both lines read: vpn-tunnel-protocol ipsec\n"
            "tunnel-group tg general-attributes authentication-server-group LOCAL exit\n");
        static const char *const want[] = {
            "crypto map myMAP 10 ipsec-isakmp",
            "set peer 10.89.129.2",
            "reverse-route",
            "set transform-set mySET",
            "match address 110",
            "crypto dynamic-map dynMAP 10 set transform-set mySET",
            "reverse-route",
            "crypto map myMAP 60000 ipsec-isakmp dynamic dynMAP",
            "object network obj-local",
            "subnet 192.168.100.0 255.255.255.0",
            "nat (inside,outside) 1 source static obj-local obj-local",
            "group-policy hf attributes",
            "vpn-tunnel-protocol l2tp-ipsec",
            "username u attributes",
            "vpn-tunnel-protocol l2tp-ipsec",
            "Both lines read: vpn-tunnel-protocol ipsec",
            "tunnel-group tg general-attributes",
            "authentication-server-group LOCAL",
            "exit",
        };
        assert_int_equal(t->n, sizeof(want) / sizeof(*want));
        for (size_t i = 0; i < t->n; i++)
                line_is(t, i, t->lines[i].lineno, NULL, want[i]);
        assert_int_equal(t->lines[18].lineno, 5);
}

/* A "!---" note runs to the end of its line, but a prompt inside it starts
 * a new command (the seed glues transcripts and notes). */
static void note_ends_at_prompt(void **state)
{
        (void)state;
        const struct text *t = load("!--- set the limit hostname(config)#vpn-sessiondb "
                                    "max-session-limit 450 !--- done\n");
        assert_int_equal(t->n, 2);
        assert_true(t->lines[0].comment);
        line_is(t, 1, 1, "config", "vpn-sessiondb max-session-limit 450");
}

/* What the device prints after a command is output, not config. */
static void device_messages_are_output(void **state)
{
        (void)state;
        const struct text *t = load("ciscoasa(config)#crypto map mymap 20 ipsec-isakmp WARNING: "
                                    "crypto map entry incomplete\n"
                                    "UDP: ERROR - socket <unknown> 62465 in used\n"
                                    "banner motd WARNING: authorised users only\n");
        assert_int_equal(t->n, 4);
        line_is(t, 0, 1, "config", "crypto map mymap 20 ipsec-isakmp");
        assert_false(t->lines[0].output);
        assert_true(t->lines[1].output);
        assert_string_equal(t->lines[1].s, "WARNING: crypto map entry incomplete");
        assert_true(t->lines[2].output);
        assert_false(t->lines[3].output);
        line_is(t, 3, 3, NULL, "banner motd WARNING: authorised users only");
        /* a show typed at a config prompt, and its output on the next line */
        arena_free(&fx.a);
        arena_init(&fx.a, 0);
        t = load("ASA-02(config)#show management-access management-access inside\n"
                 "management-access inside\n"
                 "ASA-02(config)#management-access DMZ\n");
        assert_int_equal(t->n, 3);
        assert_true(t->lines[0].output);
        assert_true(t->lines[1].output);
        assert_false(t->lines[2].output);
}

static void glued_arguments_are_not_cut(void **state)
{
        (void)state;
        static const char *const keep[] = {
            "nat (inside) 0 access-list NONAT",
            "ip nat inside source route-map nonat interface Dialer0 overload",
            "crypto map M 10 match address ACL",
            "access-list 1 remark ip route 10.0.0.0 255.0.0.0 1.1.1.1 access-list 1 permit any",
            "route-map RM permit 10 description crypto map X 10 set peer 1.1.1.1",
            "crypto map sysopt 10 set peer 10.0.0.1",
            "access-list route permit ip any any",
            "tunnel-group crypto type ipsec-l2l",
            "group-policy DfltGrpPolicy attributes",
            "banner motd ip route 1.1.1.1 ip route 2.2.2.2",
            /* ASA / PIX one-line forms of what IOS writes as sub-commands */
            "crypto dynamic-map D 10 set reverse-route",
            "crypto dynamic-map D 10 match address ACL",
            "crypto map M 10 set reverse-route",
            "crypto map M 10 ipsec-isakmp dynamic D",
        };
        for (size_t i = 0; i < sizeof(keep) / sizeof(*keep); i++) {
                arena_free(&fx.a);
                arena_init(&fx.a, 0);
                const struct text *t = load(keep[i]);
                if (t->n != 1 || strcmp(t->lines[0].s, keep[i]))
                        fail_msg("cut: %s", keep[i]);
        }
}

static bool is_regular(const char *path)
{
        FILE *f = fopen(path, "rb");
        if (!f)
                return false;
        fclose(f);
        return true;
}

/* The real configs of the public corpus have one command per line: the
 * normaliser must not cut any of them. */
static void glued_corpus_has_no_cuts(void **state)
{
        (void)state;
        const char *dir = getenv("IPSD_CORPUS_CONFIGS");
        if (!dir)
                dir = "/work/shared/corpus/configs";
        DIR *d = opendir(dir);
        if (!d)
                skip();
        size_t files = 0, cuts = 0;
        struct dirent *e;
        char path[4096];
        while ((e = readdir(d)) != NULL) {
                snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
                if (e->d_name[0] == '.' || !is_regular(path))
                        continue;
                struct arena a;
                arena_init(&a, 0);
                struct text t;
                struct diag err;
                assert_int_equal(text_load(path, &a, &t, &err), 0);
                for (size_t i = 1; i < t.n; i++)
                        cuts += t.lines[i].lineno == t.lines[i - 1].lineno;
                arena_free(&a);
                files++;
        }
        closedir(d);
        assert_true(files > 10);
        assert_int_equal(cuts, 0);
}

/* ---- pager residue, backspaces, line ends ---------------------------- */

static void pager_with_backspaces(void **state)
{
        (void)state;
        const struct text *t =
            load("interface Gi0/0\n"
                 " --More-- \b\b\b\b\b\b\b\b\b\b          \b\b\b\b\b\b\b\b\b\b ip address "
                 "10.0.0.1 255.255.255.0\n");
        assert_int_equal(t->n, 2);
        line_is(t, 1, 2, NULL, "ip address 10.0.0.1 255.255.255.0");
        assert_int_equal(t->lines[1].indent, 1);
}

static void pager_without_backspaces(void **state)
{
        (void)state;
        /* the capture lost the backspaces: prompt, erasing spaces, indent */
        const struct text *t =
            load("interface Gi0/0\n"
                 " --More-- "
                 "          " /* spaces that erased the prompt */
                 " nameif outside\n"
                 "<--- More --->\r              \r crypto map M interface outside\n"
                 "hostname R1 --More--\n"
                 " --More-- \n");
        assert_int_equal(t->n, 4);
        line_is(t, 1, 2, NULL, "nameif outside");
        assert_int_equal(t->lines[1].indent, 1);
        line_is(t, 2, 3, NULL, "crypto map M interface outside");
        assert_int_equal(t->lines[2].indent, 1);
        line_is(t, 3, 4, NULL, "hostname R1");
}

static void backspaces_tabs_and_controls(void **state)
{
        (void)state;
        const struct text *t = load("hostnaxx\b\bme R1\n"
                                    "\tcrypto\tisakmp  \x1b[1menable\x1b[0m   \n"
                                    "\b\bxy\x7fz\n");
        assert_int_equal(t->n, 3);
        line_is(t, 0, 1, NULL, "hostname R1");
        line_is(t, 1, 2, NULL, "crypto isakmp  enable");
        assert_int_equal(t->lines[1].indent, 1);
        line_is(t, 2, 3, NULL, "xz");
}

static void line_ends(void **state)
{
        (void)state;
        const struct text *t = load("a 1\r\nb 2\r\r\n\r\nc 3\rd 4\n");
        assert_int_equal(t->n, 4);
        line_is(t, 0, 1, NULL, "a 1");
        line_is(t, 1, 2, NULL, "b 2");
        line_is(t, 2, 4, NULL, "c 3"); /* a lone CR in an LF file keeps the line */
        line_is(t, 3, 4, NULL, "d 4");
        assert_int_equal(t->nphysical, 4);
}

static void cr_only_file(void **state)
{
        (void)state;
        const struct text *t = load("hostname R1\r!\rversion 12.4\r");
        assert_int_equal(t->n, 3);
        line_is(t, 2, 3, NULL, "version 12.4");
}

static void indent_and_lineno_kept(void **state)
{
        (void)state;
        const struct text *t = load("\n\ncrypto isakmp policy 10\n   encr aes\n\n  hash sha\n");
        assert_int_equal(t->n, 3);
        line_is(t, 1, 4, NULL, "encr aes");
        assert_int_equal(t->lines[1].indent, 3);
        line_is(t, 2, 6, NULL, "hash sha");
        assert_int_equal(t->lines[2].indent, 2);
}

static void utf8_bom_is_skipped(void **state)
{
        (void)state;
        const struct text *t = load("\xef\xbb\xbfhostname R1\n");
        line_is(t, 0, 1, NULL, "hostname R1");
}

/* ---- headers and comments -------------------------------------------- */

static void headers_and_comments(void **state)
{
        (void)state;
        const struct text *t = load("!RANCID-CONTENT-TYPE: cisco\n"
                                    "!Chassis type: ASA5510\n"
                                    "# oxidized header\n"
                                    "Building configuration...\n"
                                    "Current configuration : 8627 bytes\n"
                                    ": Saved\n"
                                    ": Serial Number: XXXX\n"
                                    ": Hardware:   ASA5505\n"
                                    "ASA Version 9.1(7)\n"
                                    "crypto isakmp identity address !--- uses the IP address\n"
                                    "!--- a whole comment line\n"
                                    "! ipsec-doctor: ignore=crypto-acl-not-mirror\n"
                                    "Cryptochecksum:0123456789abcdef\n"
                                    ": end\n");
        static const struct {
                const char *s;
                bool comment;
        } want[] = {
            {"!RANCID-CONTENT-TYPE: cisco", true},
            {"!Chassis type: ASA5510", true},
            {"# oxidized header", true},
            {": Saved", true},
            {": Serial Number: XXXX", true},
            {": Hardware:   ASA5505", true},
            {"ASA Version 9.1(7)", false},
            {"crypto isakmp identity address", false},
            {"!--- a whole comment line", true},
            {"! ipsec-doctor: ignore=crypto-acl-not-mirror", true},
            {": end", true},
        };
        assert_int_equal(t->n, sizeof(want) / sizeof(*want));
        for (size_t i = 0; i < t->n; i++) {
                assert_string_equal(t->lines[i].s, want[i].s);
                assert_int_equal(t->lines[i].comment, want[i].comment);
        }
}

static void banner_text_is_kept_whole(void **state)
{
        (void)state;
        const struct text *t = load("banner motd ^C\n"
                                    "Router#show nothing ip route 1.1.1.1 ip route 2.2.2.2\n"
                                    "^C\n"
                                    "Router#show crypto isakmp sa\n");
        assert_int_equal(t->n, 4);
        line_is(t, 1, 2, NULL, "Router#show nothing ip route 1.1.1.1 ip route 2.2.2.2");
        line_is(t, 3, 4, "exec", "show crypto isakmp sa");
}

/* ---- platform and version -------------------------------------------- */

static void detection_table(void **state)
{
        (void)state;
        static const struct {
                const char *in;
                enum platform p;
                int major, minor, maint;
                const char *text;
        } cases[] = {
            {"ASA Version 9.8(4)\nhostname A\n", PLAT_ASA, 9, 8, 4, "9.8(4)"},
            {"ASA Version 8.2(5) <context>\n", PLAT_ASA, 8, 2, 5, "8.2(5)"},
            {"ASA Version 9.8(4)22 \n", PLAT_ASA, 9, 8, 4, "9.8(4)22"},
            {": Saved\n:\nPIX Version 6.3(5)\n", PLAT_PIX, 6, 3, 5, "6.3(5)"},
            {"!\nversion 15.4\n", PLAT_IOS, 15, 4, 0, "15.4"},
            {"version 12.4\n", PLAT_IOS, 12, 4, 0, "12.4"},
            {"FWSM Version 3.2(1)\n", PLAT_ASA, 3, 2, 1, "3.2(1)"},
            {"!RANCID-CONTENT-TYPE: cisco\n!Image: Software: C2900-UNIVERSALK9-M, Version "
             "15.1(4)M4, RELEASE SOFTWARE (fc1)\n",
             PLAT_IOS, 15, 1, 4, "15.1(4)M4"},
            {"R1#show version\nCisco IOS Software, C2900 Software (C2900-UNIVERSALK9-M), "
             "Version 15.2(4)M, RELEASE SOFTWARE (fc1)\n",
             PLAT_IOS, 15, 2, 4, "15.2(4)M"},
            {"asa#show version\nCisco Adaptive Security Appliance Software Version 9.1(7)\n",
             PLAT_ASA, 9, 1, 7, "9.1(7)"},
            {"Cisco IOS XE Software, Version 16.09.04\n", PLAT_IOS, 16, 9, 4, "16.09.04"},
            /* syntax clues only */
            {"interface Gi0/0\n nameif outside\n security-level 0\ntunnel-group 1.1.1.1 type "
             "ipsec-l2l\n",
             PLAT_ASA, -1, -1, -1, NULL},
            {"crypto map M interface outside\naccess-list A extended permit ip any any\n", PLAT_ASA,
             -1, -1, -1, NULL},
            {"object network X\nsame-security-traffic permit intra-interface\n", PLAT_ASA, -1, -1,
             -1, NULL},
            {"nameif ethernet0 outside security0\nisakmp policy 10 hash sha\nsysopt connection "
             "permit-ipsec\nfixup protocol ftp 21\n",
             PLAT_PIX, -1, -1, -1, NULL},
            {"interface GigabitEthernet0/0\n ip address 10.0.0.1 255.255.255.0\n crypto map M\n"
             "ip route 0.0.0.0 0.0.0.0 10.0.0.254\n",
             PLAT_IOS, -1, -1, -1, NULL},
            {"crypto isakmp policy 10\n encr aes\n hash sha\nip nat inside source list 1 "
             "interface Gi0/0 overload\n",
             PLAT_IOS, -1, -1, -1, NULL},
            {"hostname X\n!\nlogging buffered\n", PLAT_UNKNOWN, -1, -1, -1, NULL},
            {"", PLAT_UNKNOWN, -1, -1, -1, NULL},
            {"router rip\n version 2\n", PLAT_UNKNOWN, -1, -1, -1, NULL},
        };
        for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
                arena_free(&fx.a);
                arena_init(&fx.a, 0);
                const struct text *t = load(cases[i].in);
                if (t->platform != cases[i].p || t->version.major != cases[i].major ||
                    t->version.minor != cases[i].minor || t->version.maint != cases[i].maint)
                        fail_msg("case %zu: got %s %d.%d.%d", i, platform_name(t->platform),
                                 t->version.major, t->version.minor, t->version.maint);
                if (cases[i].text)
                        assert_string_equal(t->version.text, cases[i].text);
                else
                        assert_null(t->version.text);
                enum platform p;
                struct version v;
                text_detect_platform(t, &p, &v);
                assert_int_equal(p, cases[i].p);
                assert_int_equal(v.major, cases[i].major);
        }
}

/* ---- scrubbing ------------------------------------------------------- */

static void scrub_table(void **state)
{
        (void)state;
        static const char *const cases[][2] = {
            {"crypto isakmp key cisco123 address 172.22.1.164 no-xauth",
             "crypto isakmp key <secret> address 172.22.1.164 no-xauth"},
            {"crypto isakmp key 0 s3cr3t hostname peer.example.com",
             "crypto isakmp key 0 <secret> hostname peer.example.com"},
            {"crypto isakmp key 6 address 10.0.0.1", "crypto isakmp key <secret> address 10.0.0.1"},
            {"isakmp key pixkey address 10.0.0.1 netmask 255.255.255.255",
             "isakmp key <secret> address 10.0.0.1 netmask 255.255.255.255"},
            {"pre-shared-key address 1.2.3.4 key psk1",
             "pre-shared-key address 1.2.3.4 key <secret>"},
            {"pre-shared-key address 1.2.3.0 255.255.255.0 key 6 ABCD",
             "pre-shared-key address 1.2.3.0 255.255.255.0 key 6 <secret>"},
            {"pre-shared-key hostname h1 key psk2", "pre-shared-key hostname h1 key <secret>"},
            {"pre-shared-key local k-local", "pre-shared-key local <secret>"},
            {"pre-shared-key MyKey", "pre-shared-key <secret>"},
            {"pre-shared-key *", "pre-shared-key *"},
            {"ikev1 pre-shared-key secretkey", "ikev1 pre-shared-key <secret>"},
            {"ikev2 local-authentication pre-shared-key L0cal",
             "ikev2 local-authentication pre-shared-key <secret>"},
            {"ikev2 remote-authentication pre-shared-key R3mote",
             "ikev2 remote-authentication pre-shared-key <secret>"},
            {"key secretkey", "key <secret>"},
            {"no key secretkey", "no key <secret>"},
            {"username admin password Pa55 encrypted privilege 15",
             "username admin password <secret> encrypted privilege 15"},
            {"username bob password 0 cisco privilege 15",
             "username bob password 0 <secret> privilege 15"},
            {"username bob secret 5 $1$abcd$efgh", "username bob secret 5 <secret>"},
            {"enable password 8Ry2YjIyt7RRXU24 encrypted", "enable password <secret> encrypted"},
            {"enable secret 9 $9$xyz", "enable secret 9 <secret>"},
            {"enable password topsecret level 15", "enable password <secret> level 15"},
            {"passwd 2KFQnbNIdI.2KYOU encrypted", "passwd <secret> encrypted"},
            {"key-string 7 0822455D0A16", "key-string 7 <secret>"},
            {"radius-server key rad1us", "radius-server key <secret>"},
            {"tacacs-server key t4cacs", "tacacs-server key <secret>"},
            {"server-key s3rver", "server-key <secret>"},
            {"key 7 0822455D0A16", "key 7 <secret>"},
            {"snmp-server community public RO", "snmp-server community <secret> RO"},
            {"snmp-server host inside 10.1.1.1 community c0mm version 2c",
             "snmp-server host inside 10.1.1.1 community <secret> version 2c"},
            {"ntp authentication-key 1 md5 ntpk3y 7", "ntp authentication-key 1 md5 <secret> 7"},
            {"ip ospf message-digest-key 1 md5 0sp7", "ip ospf message-digest-key 1 md5 <secret>"},
            {"ip ospf authentication-key 0spf", "ip ospf authentication-key <secret>"},
            {"wpa-psk ascii 0 wifipass", "wpa-psk ascii 0 <secret>"},
            {"ppp chap password chapPW", "ppp chap password <secret>"},
            {"key config-key password-encrypt M4ster", "key config-key password-encrypt <secret>"},
            {"some-feature secret value", "some-feature secret <secret>"},
            /* keywords that carry no value */
            {"crypto key generate rsa modulus 2048", "crypto key generate rsa modulus 2048"},
            {"key chain KC", "key chain KC"},
            {"password encryption aes", "password encryption aes"},
            {"authentication pre-share", "authentication pre-share"},
            {"crypto map M 10 set peer 10.0.0.1", "crypto map M 10 set peer 10.0.0.1"},
            {"service password-encryption", "service password-encryption"},
        };
        for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
                char *got = text_scrub(&fx.a, cases[i][0], strlen(cases[i][0]));
                assert_non_null(got);
                if (strcmp(got, cases[i][1]))
                        fail_msg("scrub \"%s\": got \"%s\", want \"%s\"", cases[i][0], got,
                                 cases[i][1]);
        }
}

static void shown_is_scrubbed_text(void **state)
{
        (void)state;
        const struct text *t = load("tunnel-group 1.1.1.1 ipsec-attributes\n"
                                    " ikev1 pre-shared-key Sup3rS3cret\n"
                                    "crypto isakmp policy 10\n");
        assert_string_equal(t->lines[1].s, "ikev1 pre-shared-key Sup3rS3cret");
        assert_string_equal(t->lines[1].shown, "ikev1 pre-shared-key <secret>");
        assert_ptr_equal(t->lines[2].shown, t->lines[2].s); /* nothing to mask: shared */
}

/* ---- limits and refusals --------------------------------------------- */

static void limits_have_messages(void **state)
{
        (void)state;
        const struct text_limits lim = {64, 8, 2};
        assert_int_equal(
            text_from_buffer_limits("f.cfg", "a\nbcdefghij\n", 12, &fx.a, &fx.t, &fx.err, &lim),
            -1);
        assert_string_equal(fx.err.msg, "f.cfg:2: line longer than 8 bytes (limit 8)");
        assert_int_equal(
            text_from_buffer_limits("f.cfg", "a\nb\n\nc\n", 7, &fx.a, &fx.t, &fx.err, &lim), -1);
        assert_string_equal(fx.err.msg, "f.cfg:4: more than 2 lines (limit 2)");
        char big[80];
        memset(big, 'a', sizeof(big));
        assert_int_equal(
            text_from_buffer_limits("f.cfg", big, sizeof(big), &fx.a, &fx.t, &fx.err, &lim), -1);
        assert_string_equal(fx.err.msg, "f.cfg: input larger than 64 bytes (limit 64)");
        /* glued commands count as lines too */
        assert_int_equal(text_from_buffer_limits("f.cfg", "sysopt a sysopt b sysopt c", 26, &fx.a,
                                                 &fx.t, &fx.err, &(struct text_limits){64, 64, 2}),
                         -1);
        assert_string_equal(fx.err.msg, "f.cfg:1: more than 2 lines (limit 2)");
}

static void binary_is_refused(void **state)
{
        (void)state;
        static const unsigned char pcap[] = {0xd4, 0xc3, 0xb2, 0xa1, 0x02, 0x00, 0x04, 0x00};
        assert_int_equal(
            text_from_buffer("x.pcap", (const char *)pcap, sizeof(pcap), &fx.a, &fx.t, &fx.err),
            -1);
        assert_string_equal(fx.err.msg,
                            "x.pcap: binary input (NUL byte at offset 5), not a config or log");
        unsigned char jpeg[600];
        for (size_t i = 0; i < sizeof(jpeg); i++)
                jpeg[i] = (unsigned char)(0x80 + (i * 37) % 120 + 1);
        jpeg[0] = 0xff;
        jpeg[1] = 0xd8;
        assert_int_equal(
            text_from_buffer("p.jpg", (const char *)jpeg, sizeof(jpeg), &fx.a, &fx.t, &fx.err), -1);
        assert_non_null(strstr(fx.err.msg, "p.jpg: binary input ("));
        assert_non_null(strstr(fx.err.msg, "not a config or log"));
        /* UTF-8 text (the seed is Korean) is text */
        const char *ko = "! 설명\nhostname R1\n";
        assert_int_equal(text_from_buffer("k.cfg", ko, strlen(ko), &fx.a, &fx.t, &fx.err), 0);
        assert_int_equal(fx.t.n, 2);
}

static void empty_input_is_fine(void **state)
{
        (void)state;
        assert_int_equal(text_from_buffer("e.cfg", "", 0, &fx.a, &fx.t, &fx.err), 0);
        assert_int_equal(fx.t.n, 0);
        assert_int_equal(fx.t.platform, PLAT_UNKNOWN);
        assert_int_equal(fx.t.version.major, -1);
        assert_int_equal(text_from_buffer("e.cfg", "\n \r\n\t\n", 6, &fx.a, &fx.t, &fx.err), 0);
        assert_int_equal(fx.t.n, 0);
        assert_int_equal(fx.t.nphysical, 3);
}

static void load_from_file(void **state)
{
        (void)state;
        char path[] = "/tmp/ipsd-input-XXXXXX";
        int fd = mkstemp(path);
        assert_true(fd >= 0);
        const char *cfg = "ASA Version 9.8(4)\r\nhostname fw1\r\n";
        assert_int_equal(write(fd, cfg, strlen(cfg)), (ssize_t)strlen(cfg));
        close(fd);
        assert_int_equal(text_load(path, &fx.a, &fx.t, &fx.err), 0);
        unlink(path);
        assert_int_equal(fx.t.n, 2);
        assert_string_equal(fx.t.hostname, "fw1");
        assert_int_equal(fx.t.platform, PLAT_ASA);
        assert_int_equal(text_load("/nonexistent/x.cfg", &fx.a, &fx.t, &fx.err), -1);
        assert_non_null(strstr(fx.err.msg, "/nonexistent/x.cfg: cannot open"));
}

/* A config typed as a session: the exec lines are marked exec, the indent of
 * the session's first command is the top level, and "enable secret" stays config. */
static void session_typed_config(void **state)
{
        (void)state;
        const struct text *t = load("enable\r\n"
                                    "conf t\r\n"
                                    "\thostname R1\r\n"
                                    "\tenable secret 5 $1$x$y\r\n"
                                    "\tinterface Gi0/0\r\n"
                                    "\t ip address 10.0.0.1 255.255.255.0\r\n"
                                    "\tend\r\n"
                                    "wr mem\r\n");
        assert_int_equal(t->n, 8);
        assert_string_equal(t->lines[0].mode, "exec");
        assert_string_equal(t->lines[1].mode, "exec");
        assert_null(t->lines[2].mode);
        assert_int_equal(t->lines[2].indent, 0);
        assert_string_equal(t->lines[2].s, "hostname R1");
        assert_null(t->lines[3].mode); /* enable secret: a config command */
        assert_int_equal(t->lines[4].indent, 0);
        assert_int_equal(t->lines[5].indent, 1); /* the sub-command keeps its level */
        assert_string_equal(t->lines[7].mode, "exec");
}

/* Near miss: without a session opener, an indented line keeps its indent. */
static void session_needs_opener(void **state)
{
        (void)state;
        const struct text *t = load("hostname R1\n  ip address 10.0.0.1 255.255.255.0\n");
        assert_int_equal(t->lines[1].indent, 2);
        assert_true(session_opener("configure terminal", 18));
        assert_true(session_opener("config t", 8));
        assert_false(session_opener("configure replace flash:x", 25));
        assert_true(session_exec_line("write memory", 12));
        assert_false(session_exec_line("enable password x", 17));
        assert_false(session_exec_line("en x", 4));
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void)
{
        const struct CMUnitTest tests[] = {
            T(prompts_seed_tunnel_group),
            T(session_typed_config),
            T(session_needs_opener),
            T(prompts_without_hostname),
            T(prompts_exec_host_midline),
            T(prompts_modes_and_hosts),
            T(prompts_crypto_submodes),
            T(prompts_unknown_host_midline_is_not_cut),
            T(hostname_command_wins),
            T(exec_output_is_marked),
            T(exec_configure_terminal_then_pasted_block),
            T(exec_prints_config_forms),
            T(glued_seed_lines_are_cut),
            T(glued_sub_commands_are_cut),
            T(note_ends_at_prompt),
            T(device_messages_are_output),
            T(glued_arguments_are_not_cut),
            T(glued_corpus_has_no_cuts),
            T(pager_with_backspaces),
            T(pager_without_backspaces),
            T(backspaces_tabs_and_controls),
            T(line_ends),
            T(cr_only_file),
            T(indent_and_lineno_kept),
            T(utf8_bom_is_skipped),
            T(headers_and_comments),
            T(banner_text_is_kept_whole),
            T(detection_table),
            T(scrub_table),
            T(shown_is_scrubbed_text),
            T(limits_have_messages),
            T(binary_is_refused),
            T(empty_input_is_fine),
            T(load_from_file),
        };
        return cmocka_run_group_tests(tests, NULL, NULL);
}
