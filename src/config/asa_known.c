/*
 * ASA / PIX command families that matter to the device but not to IPsec:
 * known, not modelled. Families with sub-blocks skip the block too, so
 * that their sub-commands are not reported as unknown.
 */
#include "asa.h"

#include <string.h>

/* "router ospf|eigrp|bgp|rip|isis": routes learnt by a routing protocol are
 * not in the config (route checks ask model/in_use.c). */
static int asa_router(struct asa_ctx *c, size_t i)
{
        static const char *const protocols[] = {"ospf", "eigrp", "bgp", "rip", "isis"};
        const char *p = asa_w(c, i);
        for (size_t k = 0;
             p && !c->no && !c->dev->dyn_routing && k < sizeof(protocols) / sizeof(protocols[0]);
             k++) {
                if (kw(p, protocols[k])) {
                        if (!(c->dev->dyn_routing = asa_dup(c, protocols[k])))
                                return ASA_OOM;
                        c->dev->dyn_routing_loc = c->loc;
                }
        }
        return asa_known_block(c, i);
}

/* "webvpn": the SSL VPN (AnyConnect, clientless) block, not IPsec. */
static int asa_webvpn(struct asa_ctx *c, size_t i)
{
        if (!c->no) {
                struct loc *l = asa_new(c, sizeof(*l));
                if (!l)
                        return ASA_OOM;
                *l = c->loc;
                if (ptrvec_push(&c->dev->arena, &c->dev->ssl_vpn, l))
                        return ASA_OOM;
        }
        return asa_known_block(c, i);
}

const struct asa_cmd asa_known_cmds[] = {
    /* blocks */
    {{"webvpn"}, asa_webvpn},
    /* "vpn load-balancing" and its cluster sub-commands (ASA VPN configuration
     * guide, "Load Balancing"): sessions spread over a cluster, no IPsec policy */
    {{"vpn", "load-balancing"}, asa_known_block},
    {{"dynamic-access-policy-record"}, asa_known_block},
    {{"policy-map"}, asa_known_block},
    {{"class-map"}, asa_known_block},
    {{"call-home"}, asa_known_block},
    {{"dns", "server-group"}, asa_known_block},
    {{"router"}, asa_router},
    {{"tls-proxy"}, asa_known_block},
    {{"tcp-map"}, asa_known_block},
    {{"snmp-map"}, asa_known_block},
    {{"time-range"}, asa_known_block},
    {{"ldap", "attribute-map"}, asa_known_block},
    {{"dhcp-server"}, asa_known_block},
    {{"license"}, asa_known_block},
    {{"ssl"}, asa_known_block},
    {{"user-identity"}, asa_known_block},
    {{"context"}, asa_known_block},
    {{"route-map"}, asa_known_block},
    {{"prefix-list"}, asa_known},
    /* one-liners */
    {{"logging"}, asa_known},
    {{"snmp-server"}, asa_known},
    {{"ssh"}, asa_known},
    {{"http"}, asa_known},
    {{"telnet"}, asa_known},
    {{"dhcpd"}, asa_known},
    {{"dhcprelay"}, asa_known},
    {{"ntp"}, asa_known},
    {{"failover"}, asa_known},
    {{"monitor-interface"}, asa_known},
    {{"icmp"}, asa_known},
    {{"arp"}, asa_known},
    {{"pager"}, asa_known},
    {{"mtu"}, asa_known},
    {{"ftp", "mode"}, asa_known},
    {{"dns"}, asa_known},
    {{"names"}, asa_known},
    {{"service-policy"}, asa_known},
    {{"timeout"}, asa_known},
    {{"prompt"}, asa_known},
    {{"enable", "password"}, asa_known},
    {{"passwd"}, asa_known},
    {{"boot"}, asa_known},
    {{"clock"}, asa_known},
    {{"console"}, asa_known},
    {{"terminal"}, asa_known},
    {{"asdm"}, asa_known},
    {{"firewall"}, asa_known},
    {{"aaa"}, asa_known},
    {{"auth-prompt"}, asa_known},
    {{"virtual"}, asa_known},
    {{"banner"}, asa_known},
    {{"crashinfo"}, asa_known},
    {{"service"}, asa_known},
    {{"tftp-server"}, asa_known},
    {{"smtp-server"}, asa_known},
    {{"regex"}, asa_known},
    {{"jumbo-frame"}, asa_known},
    {{"object-group-search"}, asa_known},
    {{"group-delimiter"}, asa_known},
    {{"mac-address"}, asa_known},
    {{"ipv6"}, asa_known},
    {{"hpm"}, asa_known},
    {{"wccp"}, asa_known},
    {{"ip", "verify"}, asa_known},
    {{"ip", "domain-name"}, asa_known},
    {{"nat-control"}, asa_known},
    {{"access-list"}, asa_known},
    {{"anyconnect-custom-data"}, asa_known},
    {{"ASA", "Version"}, asa_known},
    {{"PIX", "Version"}, asa_known},
    {{"end"}, asa_known},
    {{"dns-guard"}, asa_known},
    {{"command-alias"}, asa_known},
    {{"filter"}, asa_known},
    {{"vpn-addr-assign"}, asa_known},
    {{"key", "chain"}, asa_known_block},
    {{"fragment"}, asa_known},
    {{"nat-assigned-to-public-ip"}, asa_known},
    {{"vpn"}, asa_known},
    {{"vpn-simultaneous-logins"}, asa_known},
    {{"auto-update"}, asa_known},
    {{"privilege"}, asa_known},
    {{"established"}, asa_known},
    {{"access-list"}, asa_known},
    {{"no-xauth"}, asa_known},
    {{"quit"}, asa_known},
    {{0}, NULL},
};

/* "Cryptochecksum:abc..." is one word; matched by prefix in asa.c. */
