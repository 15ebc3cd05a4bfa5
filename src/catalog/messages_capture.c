/*
 * What the frames of a packet capture can prove, one pattern a row, with
 * the diagnoses each points at and how strongly (as the log messages of
 * messages_*.c do): src/capture/ladder.c names the pattern of each IKE SA
 * it judges, and the record goes the evidence path of every source
 * (correlate -> verdict -> findings). The template is the shape of the
 * evidence line the capture analysis writes; {frames} are frame numbers.
 *
 * Sources for what each pattern means:
 *  - RFC 2408 section 3.1 / RFC 7296 section 2.1: an unanswered request is
 *    retransmitted unchanged, so a retransmission is byte-identical;
 *  - RFC 1122 section 3.2.2.1 / RFC 792: a host answers a UDP datagram for
 *    a port nothing listens on with ICMP port unreachable (type 3 code 3;
 *    ICMPv6 type 1 code 4, RFC 4443); codes 9, 10 and 13 (administratively
 *    prohibited, RFC 1812 section 5.2.7.1) and ICMPv6 code 1 come from a
 *    filter;
 *  - Cisco ASA: IKE is not answered on an interface without "crypto ikev1
 *    enable" / "crypto ikev2 enable" (ASA VPN configuration guide, "Enable
 *    IKE"), and the ASA sends no ICMP unreachable for it unless configured
 *    ("icmp unreachable", ASA command reference), so silence cannot tell a
 *    filter from a device that does not listen;
 *  - RFC 2409 section 5 / appendix B: MM5 is the first message encrypted
 *    with keys derived from the pre-shared key; a responder whose key
 *    differs cannot decrypt it and never sends MM6 (diagnoses.md,
 *    psk-mismatch: "MM5 is sent and never answered, or answered with a
 *    notify");
 *  - RFC 2408 section 3.14.1 / RFC 7296 section 3.10.1: NO_PROPOSAL_CHOSEN
 *    (14) in answer to the first message refuses every phase-1 proposal.
 */
#include <string.h>

#include "messages.h"

#define P(k, tmpl, mean, ...)                                                                      \
        {                                                                                          \
                MSG_CAPTURE, k, -1, NULL, tmpl, mean,                                              \
                {                                                                                  \
                        __VA_ARGS__                                                                \
                }                                                                                  \
        }

const struct message messages_capture[] = {
    P("cap-first-unanswered",
      "{step} from {ini} to {resp} sent {n} times (frames {frames}), never answered, no ICMP "
      "error",
      "The first IKE message got no answer and no ICMP error: UDP 500 is filtered on the path, "
      "or the responder does not listen for IKE there and stays silent (an ASA without 'crypto "
      "ikev1|ikev2 enable' on that interface). The capture alone cannot tell which.",
      {"ike-esp-blocked", 30}, {"isakmp-not-enabled", 30}),
    P("cap-port-unreachable",
      "{step} from {ini} to {resp} (frames {frames}) answered by ICMP port unreachable from "
      "{resp} (frames {icmp})",
      "The responder's own address says nothing listens on its IKE port: the packets reach it "
      "(no filter on the path drops them) and no IKE service is enabled there.",
      {"isakmp-not-enabled", 60}),
    P("cap-icmp-filtered",
      "{step} from {ini} to {resp} (frames {frames}) answered by ICMP {what} (frames {icmp})",
      "A filter on the path refuses the IKE packets: ICMP administratively prohibited, or an "
      "unreachable sent by another address than the responder's.",
      {"ike-esp-blocked", 60}),
    P("cap-p1-no-proposal",
      "{step} from {ini} answered by NO_PROPOSAL_CHOSEN from {resp} (frame {frame})",
      "The responder refuses every phase-1 proposal offered: no IKE policy / proposal of its "
      "own has the same encryption, hash, authentication and DH group.",
      {"isakmp-policy-mismatch", 70}),
    P("cap-mm5-unanswered",
      "MM5 from {ini} sent {n} times (frames {frames}) with a pre-shared key and no MM6 from "
      "{resp}",
      "The responder could not decrypt or verify MM5, the first message protected by the "
      "pre-shared key: the keys differ (or the responder picked another key for this peer).",
      {"psk-mismatch", 70}),
    P("cap-am-refused",
      "AM1 from {ini} answered by AUTHENTICATION-FAILED in clear from {resp} (frame {frame})",
      "The responder refuses Aggressive Mode itself: the refusal comes before AM2, before any "
      "authentication could fail. It accepts Main Mode only (strongSwan refuses Aggressive Mode "
      "with a pre-shared key unless told otherwise; Cisco ASA 'crypto ikev1 am-disable', IOS "
      "'crypto isakmp aggressive-mode disable').",
      {"ag-init-exch", 60}),
    P("cap-esp-one-way", "ESP SPI {spi} from {src} to {dst}: {n} packets, none back from {dst}",
      "ESP flows one way only while IKE between the same two ends is seen both ways: the "
      "receiver decrypts but sends nothing back into the tunnel (its crypto ACL does not mirror "
      "the peer's, NAT exemption, routing, or sysopt permit-vpn).",
      {"one-way-traffic", 70}),
    P("cap-esp-replay-window",
      "ESP SPI {spi} from {src}: {n} packets arrived 64 or more behind the highest sequence "
      "number",
      "ESP packets arrive so late (reordered, e.g. by QoS) that a receiver with the default "
      "anti-replay window of 64 drops them (RFC 4303 3.4.3); a window of 1024 keeps more.",
      {"anti-replay-drops", 70}),
    P("cap-esp-over-mtu",
      "ESP SPI {spi} from {src}: packets larger than the path MTU an ICMP error reported, or "
      "fragmented after encryption",
      "Encrypted packets do not fit the path: an ICMP error reported a smaller MTU and larger "
      "ones still go, or they are fragmented after encryption (RFC 4303 3.3.4). TCP sessions "
      "stall; lowering the TCP MSS over the tunnel keeps packets under the path MTU.",
      {"mss-too-large", 50}),
    P("cap-natd-esp50",
      "NAT-D between {ini} and {resp} shows a NAT, yet ESP between them on IP protocol 50",
      "The NAT-D hashes say a NAT sits between the peers, so ESP must go in UDP 4500 (RFC "
      "3948); ESP on IP protocol 50 does not pass a PAT: NAT-Traversal is off on an end.",
      {"nat-t-disabled", 70}),
    P("cap-no-sa",
      "{from} sent INVALID-SPI / INVALID-COOKIE to {to}: it holds no SA for what {to} sent",
      "One end answers with a notify that it has no SA for the cookies or SPI the other still "
      "uses (RFC 2408 3.14.1, RFC 7296 3.10.1): the SA expired or was cleared on that end, "
      "which IOS logs as %CRYPTO-4-IKMP_NO_SA.",
      {"sa-no-sa", 60}),
    /* ---- read from decrypted messages (capture --keys: capture/judge_dec.c) ---- */
    P("cap-mm5-wrong-key",
      "MM5 from {ini} decrypts under the initiator's key, the responder's answers do not",
      "With one Diffie-Hellman exchange the two ends derived different keys: SKEYID comes from "
      "the pre-shared key (RFC 2409 5), so the keys differ; or the responder read MM5 and "
      "answered INVALID-HASH-INFORMATION / AUTHENTICATION-FAILED.",
      {"psk-mismatch", 85}),
    P("cap-v2-auth-failed",
      "AUTHENTICATION_FAILED in the decrypted IKE_AUTH response from {resp} (frame {frame})",
      "One end refused the other's IKE_AUTH (RFC 7296 2.15): a pre-shared key that differs, an "
      "authentication method it does not accept, or a certificate it cannot validate.",
      {"ikev2-auth-failed", 70}),
    P("cap-child-ts-refused",
      "TS_UNACCEPTABLE in the decrypted IKE_AUTH response from {resp} (frame {frame})",
      "The IKE SA authenticated but the responder refused the child SA's traffic selectors: its "
      "crypto ACL (or tunnel's selectors) does not mirror the initiator's.",
      {"crypto-acl-not-mirrored", 70}),
    P("cap-child-no-proposal",
      "NO_PROPOSAL_CHOSEN in the decrypted IKE_AUTH response from {resp} (frame {frame})",
      "The IKE SA authenticated but the responder accepts none of the child SA's proposals: "
      "no common transform set / IPsec proposal.",
      {"transform-set-mismatch", 70}),
    P("cap-qm-invalid-id",
      "INVALID-ID-INFORMATION in the responder's decrypted Informational after QM1 (frame "
      "{frame})",
      "The responder refused Quick Mode's proxy identities: its crypto ACL does not mirror the "
      "initiator's.",
      {"crypto-acl-not-mirrored", 70}),
    P("cap-qm-refused-nopfs",
      "NO-PROPOSAL-CHOSEN (or BAD-PROPOSAL-SYNTAX) after a QM1 without KE (frame {frame})",
      "The responder accepts none of Quick Mode's proposals, and QM1 asked for no PFS: either "
      "no transform set is common, or the responder requires PFS (set pfs). The configs tell "
      "which.",
      {"transform-set-mismatch", 40}, {"pfs-mismatch", 40}),
    P("cap-qm-refused-pfs",
      "NO-PROPOSAL-CHOSEN (or BAD-PROPOSAL-SYNTAX) after a QM1 with KE (frame {frame})",
      "The responder accepts none of Quick Mode's proposals, and QM1 asked for PFS: no common "
      "transform set, or a PFS group the responder does not use (or none: platform-dependent).",
      {"transform-set-mismatch", 45}, {"pfs-mismatch", 25}),
};
const size_t messages_capture_count = sizeof(messages_capture) / sizeof(messages_capture[0]);

const struct message *message_capture(const char *key)
{
        for (size_t i = 0; i < messages_capture_count; i++)
                if (!strcmp(messages_capture[i].key, key))
                        return &messages_capture[i];
        return NULL;
}
