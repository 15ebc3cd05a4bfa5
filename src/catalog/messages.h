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

#include <stddef.h>

enum msg_family {
	MSG_ASA_SYSLOG, /* %ASA-6-713219 (also %PIX-, %FTD-, %FWSM- prefixes) */
	MSG_IOS_SYSLOG, /* %CRYPTO-4-IKMP_NO_SA, %CERM-4-TX_BW_LIMIT, %VPN_HW-, %FW- */
	MSG_VPN_CLIENT, /* Cisco VPN Client log entries and "Reason 412" */
	MSG_ANYCONNECT,
	MSG_IKE_STATE,  /* MM_WAIT_MSG2, AG_INIT_EXCH, CONF_XAUTH ... */
	MSG_COUNTER,    /* show crypto ipsec sa / show asp drop counters */
	MSG_DEBUG,      /* debug crypto isakmp|ipsec lines */
	MSG_CLI,        /* CLI responses ("WARNING: crypto map entry incomplete") */
};

#define MSG_MAX_DIAGS 4

struct msg_diag {
	const char *id; /* a diagnosis ID of catalog.h */
	int weight;     /* 1..100: how strongly this message points at it */
};

struct message {
	enum msg_family family;
	const char *key;     /* "713904", "CRYPTO-4-IKMP_NO_SA", "412", "MM_WAIT_MSG6" */
	int severity;        /* syslog severity 0..7; -1 where it has none */
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

extern const struct message messages[];
extern const size_t messages_count;

/* The first entry of family with key whose pattern occurs in text (text may
 * be NULL to ignore patterns). NULL when unknown. */
const struct message *message_find(enum msg_family family, const char *key, const char *text);

#endif
