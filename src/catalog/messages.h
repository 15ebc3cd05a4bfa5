/*
 * The message catalog: every syslog message, IOS crypto message, VPN Client
 * reason, IKE SA state and show-output counter that ipsec-doctor knows, as
 * one table of data. `explain` uses it to READ lines (match -> meaning ->
 * weighted diagnosis IDs); `tunnel` uses it to PREDICT the lines each device
 * would print (the same entry's template, rendered).
 *
 * Texts are the project's own: facts (IDs, the fixed parts of Cisco's
 * message formats, state names) come from Cisco's guides, as cited in
 * ../shared/spec/messages-research.md; explanations are written here.
 */
#ifndef IPSD_MESSAGES_H
#define IPSD_MESSAGES_H

#include <stdbool.h>
#include <stddef.h>

enum msg_family {
        MSG_ASA_SYSLOG, /* %ASA-6-713219 (also %PIX-, %FTD-, %FWSM- prefixes) */
        MSG_IOS_SYSLOG, /* %CRYPTO-4-IKMP_NO_SA, %CERM-4-TX_BW_LIMIT, %VPN_HW-, %FW- */
        MSG_VPN_CLIENT, /* Cisco VPN Client log entries and "Reason 412" */
        MSG_ANYCONNECT,
        MSG_IKE_STATE, /* MM_WAIT_MSG2, AG_INIT_EXCH, CONF_XAUTH ... */
        MSG_COUNTER,   /* show crypto ipsec sa / show asp drop counters */
        MSG_DEBUG,     /* debug crypto isakmp|ipsec lines */
        MSG_CLI,       /* CLI responses ("WARNING: crypto map entry incomplete") */
        MSG_CAPTURE,   /* a pattern of a packet capture's frames (messages_capture.c) */
};

#define MSG_MAX_DIAGS 4

struct msg_diag {
        const char *id; /* a diagnosis ID of catalog.h */
        int weight;     /* 1..100: how strongly this message points at it */
};

struct message {
        enum msg_family family;
        const char *key; /* "713904", "CRYPTO-4-IKMP_NO_SA", "412", "MM_WAIT_MSG6" */
        int severity;    /* syslog severity 0..7; -1 where it has none */
        /* For keys that carry many texts (713900-713906 ...): a substring the
         * line must contain, matched case-sensitively; NULL matches any. */
        const char *pattern;
        /* What the device prints, with {placeholders} for the variable parts
         * ({group} {ip} {user} {peer} {spi} ...): used by `tunnel` to predict
         * lines and by tests to generate realistic input. */
        const char *template;
        const char *meaning; /* one or two sentences for the engineer */
        struct msg_diag diags[MSG_MAX_DIAGS];
};

/*
 * The catalog is one logical table kept as several files of data, one per
 * area (messages_asa.c, messages_ios.c, messages_client.c,
 * messages_states.c), so that parallel work on areas touches separate
 * files. messages.c chains them: message_at(0 .. message_count()-1) walks
 * every entry in order. (This replaces a single messages[] array, which C
 * cannot assemble from several files.)
 */
extern const struct message messages_asa[], messages_ios[], messages_client[], messages_states[],
    messages_debug[];
extern const size_t messages_asa_count, messages_ios_count, messages_client_count,
    messages_states_count, messages_debug_count;

size_t message_count(void);
const struct message *message_at(size_t i);

/* The first entry of family with key whose pattern occurs in text (text may
 * be NULL to ignore patterns). NULL when unknown. */
const struct message *message_find(enum msg_family family, const char *key, const char *text);

/* message_find(MSG_ASA_SYSLOG, id as six digits, text) for explain's hot
 * path: the ID as a number (< MESSAGE_ASA_IDS) looked up in a direct table,
 * and patterns matched within text[0..len) (no terminator needed). */
#define MESSAGE_ASA_IDS 1000000ul
const struct message *message_find_asa(unsigned long id, const char *text, size_t len);
/* Whether the catalogue has any entry for this ASA message ID: explain
 * stops there for the rest, before looking at the text. */
bool message_asa_listed(unsigned long id);

/* The first entry of family whose (non-NULL) pattern occurs in text[0..len),
 * for free-text lines that carry no ID (debug output, CLI responses, VPN
 * client texts). key_prefix, when not NULL, restricts the entries to keys
 * starting with it ("7139" for the ASA's generic IKE containers). */
const struct message *message_scan(enum msg_family family, const char *key_prefix, const char *text,
                                   size_t len);
/* An ASA message body without its "%ASA-n-nnnnnn:" tag (pasted from a
 * forum, the ASDM viewer or a debug): the first ASA entry whose fixed text
 * occurs in text[0..len). An entry's fixed text is its pattern, or else the
 * longest run of its template without placeholders (at least
 * MESSAGE_BODY_MIN bytes); entries with neither (the generic 7139xx
 * containers) are not tried. NULL when none occurs. */
#define MESSAGE_BODY_MIN 16
const struct message *message_scan_asa_body(const char *text, size_t len);

/* The literals the catalogue's own lookups need in a line, for explain's
 * gate (src/logs/gate.c): fn(ctx, lit, len) for every key of family's
 * entries (keys) or every non-NULL pattern of them (!keys). */
typedef void (*message_lit_fn)(void *ctx, const char *lit, size_t len);
void message_each_literal(enum msg_family family, bool keys, message_lit_fn fn, void *ctx);
/* fn for the fixed text of every ASA entry message_scan_asa_body tries:
 * a line holding none of them has no body it can find. */
void message_each_body_literal(message_lit_fn fn, void *ctx);

/* The patterns a packet capture's frames can prove (messages_capture.c): a
 * table of its own, not walked by message_at() (no line of text carries
 * them); the capture analysis names them by key ("cap-port-unreachable").
 * NULL when unknown. */
const struct message *message_capture(const char *key);
extern const struct message messages_capture[];
extern const size_t messages_capture_count;

/* "asa", "ios", "vpn-client", "anyconnect", "state", "counter", "debug", "cli", "capture". */
const char *msg_family_name(enum msg_family f);

#endif
