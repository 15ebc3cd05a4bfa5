/*
 * Commands glued on one line without prompts, as web pages that lost their
 * newlines show them ("ip route 0.0.0.0 0.0.0.0 172.22.1.1 ip route
 * 192.168.200.0 ..."). Cutting is conservative: only a line that begins
 * with one of the starters below is cut, and only before a later starter.
 * Each starter carries the words that must follow it, so that a keyword
 * used as an argument ("nat (inside) 0 access-list NONAT", "ip nat inside
 * source route-map nonat interface X", the IOS interface's "crypto map M")
 * does not match. Remarks, descriptions, banners, quoted strings and prose
 * ("Both lines read: ...") end the search: their text is free.
 *
 * A starter that opens a block ("crypto map M 10 ipsec-isakmp", "object
 * network X", "group-policy X attributes") also names the sub-commands that
 * are cut behind it, as in the seed's "crypto map myMAP 10 ipsec-isakmp set
 * peer 10.89.129.2 reverse-route set transform-set mySET match address 110".
 * The ASA and PIX write some of the same words as one-line commands ("crypto
 * dynamic-map D 10 set reverse-route"), so a sub-command is never cut right
 * behind "set", and where the one-line form exists (dynamic-map) not right
 * behind its parent's words either.
 */
#include "input_int.h"

#define NELEM(a) (sizeof(a) / sizeof(*(a)))

static const char *const cmap_subs[] = {
    "set peer|transform-set|pfs|security-association|isakmp-profile|ikev2-profile|nat-t-disable",
    "reverse-route",
    "match address",
    NULL,
};

static const char *const route_map_subs[] = {"match ip|interface", "set ip|interface", NULL};

static const char *const object_subs[] = {
    "subnet @ @", "host @", "range @ @", "fqdn *", "nat (*", "service *", NULL,
};

static const char *const object_group_subs[] = {
    "network-object *", "group-object *", "port-object *", "service-object *", NULL,
};

/* The attributes the ASA reader models or knows (asa_group_policy.c). */
static const char *const gp_subs[] = {
    "vpn-tunnel-protocol *",
    "split-tunnel-policy *",
    "split-tunnel-network-list *",
    "dns-server *",
    "default-domain *",
    "address-pools *",
    "pfs *",
    "vpn-idle-timeout *",
    "vpn-session-timeout *",
    "vpn-simultaneous-logins *",
    "vpn-group-policy *",
    "exit",
    NULL,
};

static const char *const tg_subs[] = {
    "default-group-policy *",
    "address-pool *",
    "authentication-server-group *",
    "pre-shared-key *",
    "ikev1 pre-shared-key|user-authentication|trust-point",
    "isakmp keepalive|ikev1-user-authentication",
    "peer-id-validate *",
    "exit",
    NULL,
};

static const struct starter {
        const char *pat;
        const char *const *subs; /* sub-commands cut behind it, or NULL */
        bool subs_not_first;     /* a sub right behind pat is the one-line form */
} starters[] = {
    {"access-list * permit|deny|extended|standard|remark|webtype|ethertype|line", NULL, false},
    {"ip route @|vrf", NULL, false},
    {"route * @", NULL, false},
    {"crypto map * # ipsec-isakmp|ipsec-manual", cmap_subs, false},
    {"crypto map * #|interface", NULL, false},
    {"crypto dynamic-map * #", cmap_subs, true},
    {"threat-detection *", NULL, false},
    {"route-map * permit|deny", route_map_subs, false},
    {"tunnel-group * general-attributes|ipsec-attributes", tg_subs, false},
    {"tunnel-group * type|webvpn-attributes|ppp-attributes", NULL, false},
    {"group-policy * attributes", gp_subs, false},
    {"group-policy * internal|external", NULL, false},
    {"username * attributes", gp_subs, false},
    {"object network|service *", object_subs, false},
    {"object-group network|service|protocol|icmp-type *", object_group_subs, false},
    {"nat (*", NULL, false},
    {"sysopt *", NULL, false},
    {"ip nat inside|outside source", NULL, false},
};

static const char *const free_text[] = {"remark", "description", "banner"};

static size_t pattern_words(const char *pat)
{
        size_t words = 1;
        for (const char *p = pat; *p; p++)
                words += *p == ' ';
        return words;
}

/* The starter that matches at w, or NULL. */
static const struct starter *starter_at(const struct span *w, size_t n)
{
        for (size_t k = 0; k < NELEM(starters); k++)
                if (tw_match(w, n, starters[k].pat))
                        return &starters[k];
        return NULL;
}

/* Words of the sub-command of parent that matches at w, or 0. */
static size_t sub_at(const struct starter *parent, const struct span *w, size_t n)
{
        if (!parent || !parent->subs)
                return 0;
        for (const char *const *s = parent->subs; *s; s++)
                if (tw_match(w, n, *s))
                        return pattern_words(*s);
        return 0;
}

/* A word that ends in ':' and holds letters only ("read:") starts prose. */
static bool prose_word(struct span w)
{
        if (w.len < 2 || w.s[w.len - 1] != ':')
                return false;
        for (size_t i = 0; i + 1 < w.len; i++)
                if (((unsigned char)w.s[i] | 0x20) < 'a' || ((unsigned char)w.s[i] | 0x20) > 'z')
                        return false;
        return true;
}

/* "Both" in "... l2tp-ipsec Both lines read: ...": a capitalised word. */
static bool capitalised(struct span w)
{
        if (w.len < 2 || w.s[0] < 'A' || w.s[0] > 'Z')
                return false;
        for (size_t i = 1; i < w.len; i++)
                if (w.s[i] < 'a' || w.s[i] > 'z')
                        return false;
        return true;
}

/* Where the prose that ends at word p starts: its capitalised first word
 * when that lies within the three words before p (and after min), else p.
 * Keywords are lower case; a capitalised name right before prose is rare. */
static size_t prose_start(const struct span *w, size_t p, size_t min)
{
        for (size_t j = p; j > min && j + 3 >= p; j--)
                if (capitalised(w[j]))
                        return j;
        return p;
}

static bool ends_search(struct span w)
{
        if (w.s[0] == '"')
                return true;
        for (size_t k = 0; k < NELEM(free_text); k++)
                if (tw_eq(w, free_text[k]))
                        return true;
        return false;
}

size_t glue_split(const char *s, size_t len, struct span *w, size_t nw, size_t *cuts)
{
        size_t n = tw_split(s, len, w, nw), ncuts = 0;
        uint32_t letters = 0;
        for (size_t k = 0; k < NELEM(starters); k++)
                letters |= tw_letters(starters[k].pat);
        size_t first = n > 0 && tw_eq(w[0], "no") ? 1 : 0;
        const struct starter *parent = first < n ? starter_at(w + first, n - first) : NULL;
        if (!parent)
                return 0;
        size_t next = first + pattern_words(parent->pat); /* words before belong to a command */
        size_t parent_end = next;
        for (size_t i = first + 1; i < n; i++) {
                if (prose_word(w[i])) {
                        size_t j = prose_start(w, i, next > 0 ? next - 1 : 0);
                        if (j < i)
                                cuts[ncuts++] = (size_t)(w[j].s - s);
                        break;
                }
                if (ends_search(w[i]))
                        break;
                if (i < next)
                        continue;
                size_t at = i + (tw_eq(w[i], "no") ? 1 : 0);
                const struct starter *st =
                    at < n && tw_letter_in(letters, w[at]) ? starter_at(w + at, n - at) : NULL;
                size_t sw = st ? pattern_words(st->pat) : 0;
                if (!st && !tw_eq(w[i - 1], "set") && !(parent->subs_not_first && i == parent_end))
                        sw = sub_at(parent, w + at, n - at);
                if (!sw)
                        continue;
                cuts[ncuts++] = (size_t)(w[i].s - s);
                next = at + sw;
                if (st) {
                        parent = st;
                        parent_end = next;
                }
        }
        return ncuts;
}
