/*
 * Config-mode semantics of one command-table row: how a later line changes
 * what an earlier one made, as on the device.
 *
 * A config is a sequence of commands. Every row of a reader's command table
 * (struct ios_cmd, struct asa_cmd) carries a struct cmd_sem; a zero one is
 * the default and is right for most commands:
 *   - a line equal to an earlier one in the same mode changes nothing;
 *   - "no W..." removes every earlier line of that mode whose words start
 *     with W... ("no access-list A extended permit ip ...", "no ip local pool
 *     P", "no crypto map M 10" with its block); when it removes nothing it is
 *     kept and its handler reads it (a default-on feature turned off);
 *   - a mode-opening line equal to an earlier one re-enters that mode: its
 *     sub-commands join the earlier block.
 * A row whose command holds ONE value per slot names the words that make the
 * slot (key): a later line with the same slot replaces the earlier one, and
 * "no" + the slot words removes it ("encryption aes" replaces "encryption
 * 3des"; "crypto isakmp key K2 address P" replaces "crypto isakmp key K1
 * address P"). Key bits count words from the row's first keyword; the words
 * before it (the "crypto map M 10" of an ASA one-line entry, whose sub-row
 * matched "set peer") always belong to the slot.
 *
 * cmdmerge.c applies these rules (the readers record which row read each
 * line); the readers then read the merged config. `apply` is the same merge
 * with the changes appended.
 */
#ifndef IPSD_CMDSEM_H
#define IPSD_CMDSEM_H

#include <stdint.h>

enum {
        /* "no X" is itself a setting (X is on by default): after removing X,
         * the "no" line stays (ASA "no crypto isakmp nat-traversal") */
        SEM_NEG_KEPT = 1u << 0,
        /* entries of this mode carry IOS sequence numbers ("5 deny ...",
         * "no 10"); Cisco IOS Security Configuration Guide, "IP Access List
         * Entry Sequence Numbering": an entry without a number gets the
         * highest number + 10, a number that exists is refused */
        SEM_SEQ = 1u << 1,
        /* ASA "access-list A line N ...": inserted before the N-th line of
         * A, remarks counted (ASA command reference, access-list extended) */
        SEM_ASA_LINE = 1u << 2,
        /* never collapsed with an equal line (remarks, descriptions) */
        SEM_MULTI = 1u << 3,
        /* the slot is the row's keywords and the word after "address" or
         * "hostname": "crypto isakmp key [0|6|7] K address P [mask] [no-xauth]"
         * holds one key per peer, whatever the key's encryption word */
        SEM_KEY_ADDR = 1u << 4,
        /* the slot is the row's keywords, a name and a sequence number when
         * the word after the name is a number ("crypto map M 10 ..."), the
         * whole line otherwise ("crypto map M client ...") */
        SEM_KEY_NUMBERED = 1u << 5,
        /* "ip access-list extended|standard N" edits the list that top-level
         * "access-list N ..." lines made: opening it takes them into its
         * block, numbered 10, 20, ... (IOS Security Configuration Guide,
         * "IP Access List Entry Sequence Numbering": numbered lists take
         * sequence numbers too) */
        SEM_ACL_BLOCK = 1u << 6,
        /* the slot is the row's keywords and the word after them when it is
         * "local" or "remote": an IOS IKEv2 keyring peer holds one
         * "pre-shared-key [local|remote] [0|6] K" per direction, whatever the
         * key (Cisco FlexVPN and IKEv2 Configuration Guide, "Configuring the
         * IKEv2 Keyring") */
        SEM_KEY_DIR = 1u << 7,
};

struct cmd_sem {
        uint32_t key;     /* bit i: word i from the row's first keyword is in the slot */
        uint8_t negwords; /* >0: "no" + these many words removes every line starting
                             with them, whatever follows (IOS numbered ACLs) */
        uint8_t flags;    /* SEM_* */
};

/* The first n words name the slot. */
#define SEM_PREFIX(n)                                                                              \
        {                                                                                          \
                ((uint32_t)1 << (n)) - 1u, 0, 0                                                    \
        }
/* The same for a "no" form that is a setting of its own. */
#define SEM_PREFIX_NEG(n)                                                                          \
        {                                                                                          \
                ((uint32_t)1 << (n)) - 1u, 0, SEM_NEG_KEPT                                         \
        }
#define SEM_FLAGS(f)                                                                               \
        {                                                                                          \
                0, 0, (f)                                                                          \
        }
#define SEM_MASK(m)                                                                                \
        {                                                                                          \
                (m), 0, 0                                                                          \
        }
#define SEM_NEGWORDS(n)                                                                            \
        {                                                                                          \
                0, (n), 0                                                                          \
        }

#endif
