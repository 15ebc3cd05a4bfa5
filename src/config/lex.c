#include "lex.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

struct words *words_split(const char *s, size_t len)
{
        struct words *w = malloc(sizeof(*w) + len + 1);
        if (!w)
                return NULL;
        w->n = 0;
        w->truncated = false;
        char *d = w->buf;
        size_t i = 0;
        while (i < len) {
                while (i < len && (s[i] == ' ' || s[i] == '\t'))
                        i++;
                if (i >= len)
                        break;
                if (w->n == LEX_MAX_WORDS) {
                        w->truncated = true;
                        break;
                }
                w->w[w->n++] = d;
                if (s[i] == '"') {
                        i++;
                        while (i < len && s[i] != '"')
                                *d++ = s[i++];
                        if (i < len)
                                i++;
                } else {
                        while (i < len && s[i] != ' ' && s[i] != '\t')
                                *d++ = s[i++];
                }
                *d++ = '\0';
        }
        return w;
}

bool kw(const char *word, const char *keyword)
{
        return word && strcasecmp(word, keyword) == 0;
}

bool kw_abbrev(const char *word, const char *keyword, size_t minlen)
{
        if (!word)
                return false;
        size_t n = strlen(word);
        return n >= minlen && n <= strlen(keyword) && strncasecmp(word, keyword, n) == 0;
}

bool lex_u32(const char *s, uint32_t min, uint32_t max, uint32_t *out)
{
        if (!s || !*s)
                return false;
        uint64_t v = 0;
        for (const char *p = s; *p; p++) {
                if (*p < '0' || *p > '9')
                        return false;
                v = v * 10 + (uint64_t)(*p - '0');
                if (v > max)
                        return false;
        }
        if (v < min)
                return false;
        *out = (uint32_t)v;
        return true;
}

bool lex_int(const char *s, int min, int max, int *out)
{
        uint32_t v;
        if (min < 0 || !lex_u32(s, (uint32_t)min, (uint32_t)max, &v))
                return false;
        *out = (int)v;
        return true;
}

struct num_name {
        const char *name;
        int num;
};

/* IANA protocol numbers for the names the IOS/ASA CLI accepts. */
static const struct num_name protocols[] = {
    {"ahp", 51},   {"ah", 51},    {"eigrp", 88}, {"esp", 50},  {"gre", 47},
    {"icmp", 1},   {"icmp6", 58}, {"igmp", 2},   {"igrp", 9},  {"ipinip", 4},
    {"ipsec", 50}, {"nos", 94},   {"ospf", 89},  {"pcp", 108}, {"pim", 103},
    {"pptp", 47},  {"sctp", 132}, {"snp", 109},  {"tcp", 6},   {"udp", 17},
};

int lex_protocol(const char *s)
{
        uint32_t v;
        if (!s)
                return -1;
        if (kw(s, "ip") || kw(s, "ipv4"))
                return -2;
        if (lex_u32(s, 0, 255, &v))
                return (int)v;
        for (size_t i = 0; i < sizeof(protocols) / sizeof(protocols[0]); i++)
                if (kw(s, protocols[i].name))
                        return protocols[i].num;
        return -1;
}

/* TCP/UDP port names of the IOS/ASA CLI (IANA numbers). Kept sorted
 * (case-insensitively): lex_port() binary-searches it, because the ACL
 * readers try words after an address as ports. */
static const struct num_name ports[] = {
    {"aol", 5190},
    {"bgp", 179},
    {"biff", 512},
    {"bootpc", 68},
    {"bootps", 67},
    {"chargen", 19},
    {"cifs", 3020},
    {"citrix-ica", 1494},
    {"cmd", 514},
    {"ctiqbe", 2748},
    {"daytime", 13},
    {"discard", 9},
    {"dnsix", 195},
    {"domain", 53},
    {"echo", 7},
    {"exec", 512},
    {"finger", 79},
    {"ftp", 21},
    {"ftp-data", 20},
    {"gopher", 70},
    {"h323", 1720},
    {"hostname", 101},
    {"http", 80},
    {"https", 443},
    {"ident", 113},
    {"imap4", 143},
    {"irc", 194},
    {"isakmp", 500},
    {"kerberos", 750},
    {"klogin", 543},
    {"kshell", 544},
    {"ldap", 389},
    {"ldaps", 636},
    {"login", 513},
    {"lotusnotes", 1352},
    {"lpd", 515},
    {"mobile-ip", 434},
    {"nameserver", 42},
    {"netbios-dgm", 138},
    {"netbios-ns", 137},
    {"netbios-ss", 139},
    {"netbios-ssn", 139},
    {"nntp", 119},
    {"non500-isakmp", 4500},
    {"ntp", 123},
    {"pcanywhere-data", 5631},
    {"pcanywhere-status", 5632},
    {"pim-auto-rp", 496},
    {"pop2", 109},
    {"pop3", 110},
    {"pptp", 1723},
    {"radius", 1645},
    {"radius-acct", 1646},
    {"rip", 520},
    {"rsh", 514},
    {"rtsp", 554},
    {"secureid-udp", 5510},
    {"sip", 5060},
    {"smtp", 25},
    {"snmp", 161},
    {"snmptrap", 162},
    {"sqlnet", 1521},
    {"ssh", 22},
    {"sunrpc", 111},
    {"syslog", 514},
    {"tacacs", 49},
    {"talk", 517},
    {"telnet", 23},
    {"tftp", 69},
    {"time", 37},
    {"uucp", 540},
    {"vxlan", 4789},
    {"who", 513},
    {"whois", 43},
    {"www", 80},
    {"xdmcp", 177},
};

int lex_port(const char *s)
{
        uint32_t v;
        if (!s)
                return -1;
        if (lex_u32(s, 0, 65535, &v))
                return (int)v;
        size_t lo = 0, hi = sizeof(ports) / sizeof(ports[0]);
        while (lo < hi) {
                size_t mid = lo + (hi - lo) / 2;
                int d = strcasecmp(s, ports[mid].name);
                if (!d)
                        return ports[mid].num;
                if (d < 0)
                        hi = mid;
                else
                        lo = mid + 1;
        }
        return -1;
}

bool lex_needs_unit(const char *name)
{
        size_t n = strlen(name);
        return n && !(name[n - 1] >= '0' && name[n - 1] <= '9');
}

bool lex_unit_word(const char *s)
{
        return s && s[0] >= '0' && s[0] <= '9';
}

bool lex_is_placeholder(const char *s)
{
        if (!s || !*s)
                return false;
        if (s[0] == '<')
                return true;
        /* "40.76.X.X": an address with letter octets, as vendor samples print */
        size_t dots = 0;
        bool letter = false;
        for (const char *p = s; *p; p++) {
                if (*p == '.')
                        dots++;
                else if (*p == 'X' || *p == 'x')
                        letter = true;
                else if (*p < '0' || *p > '9')
                        return false;
        }
        return dots == 3 && letter;
}

/* "<xsl:value-of select=..."/>" spans words: glue each "<...>" into one. */
void words_merge_placeholders(struct words *w)
{
        size_t out = 0;
        for (size_t i = 0; i < w->n; i++) {
                const char *s = w->w[i];
                size_t j = i;
                if (s[0] == '<') {
                        while (j < w->n && (!w->w[j][0] || w->w[j][strlen(w->w[j]) - 1] != '>'))
                                j++;
                        if (j == w->n)
                                j = i;
                        for (size_t k = i; k < j; k++) /* words are NUL-separated in buf */
                                ((char *)w->w[k])[strlen(w->w[k])] = ' ';
                }
                w->w[out++] = s;
                i = j;
        }
        w->n = out;
}
