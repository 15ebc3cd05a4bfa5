/* ESP facts as JSON and text (esp_out.h). */
#include <stdio.h>
#include <string.h>

#include "esp_out.h"

static const char *origin_name(enum cap_esp_origin o)
{
        switch (o) {
        case ESP_NOT_IN_CLEAR:
                return "not-negotiated-in-clear";
        case ESP_NEGOTIATED:
                return "negotiated";
        case ESP_NOT_IN_DECRYPTED:
                return "not-in-decrypted-exchanges";
        }
        return "?";
}

static json_t *spi_str(uint32_t spi)
{
        char s[16];
        snprintf(s, sizeof(s), "%08x", spi);
        return json_string(s);
}

static void opt(json_t *o, const char *k, unsigned long long v)
{
        if (v)
                json_object_set_new(o, k, json_integer((json_int_t)v));
}

static json_t *sa_json(const struct cap_set *cs, const struct cap_esp_sa *sa)
{
        json_t *o = json_object();
        char a[46], b[46], line[512];
        json_object_set_new(o, "spi", spi_str(sa->spi));
        json_object_set_new(o, "src", json_string(frame_addr_str(sa->af, sa->src, a)));
        json_object_set_new(o, "dst", json_string(frame_addr_str(sa->af, sa->dst, b)));
        json_object_set_new(o, "encapsulation", json_string(sa->udp ? "udp" : "ip50"));
        if (sa->udp) {
                json_object_set_new(o, "sport", json_integer(sa->sport));
                json_object_set_new(o, "dport", json_integer(sa->dport));
        }
        json_object_set_new(o, "packets", json_integer((json_int_t)sa->packets));
        json_object_set_new(o, "bytes", json_integer((json_int_t)sa->bytes));
        json_object_set_new(o, "first_frame", json_integer((json_int_t)sa->first_frame));
        json_object_set_new(o, "last_frame", json_integer((json_int_t)sa->last_frame));
        json_object_set_new(o, "seq_first", json_integer(sa->seq_first));
        json_object_set_new(o, "seq_last", json_integer(sa->seq_max));
        json_object_set_new(o, "seq_never_seen", json_integer((json_int_t)sa->lost));
        json_object_set_new(o, "duplicates", json_integer((json_int_t)sa->duplicates));
        opt(o, "first_duplicate_frame", sa->first_dup_frame);
        json_t *late = json_object();
        for (int w = 0; w < 3; w++) {
                char k[16];
                snprintf(k, sizeof(k), "%u", cap_esp_windows[w]);
                json_t *lw = json_object();
                json_object_set_new(lw, "packets", json_integer((json_int_t)sa->late[w]));
                opt(lw, "first_frame", sa->first_late_frame[w]);
                json_object_set_new(late, k, lw);
        }
        json_object_set_new(o, "behind_window", late);
        json_object_set_new(o, "both_directions", json_boolean(sa->reverse >= 0));
        if (sa->reverse >= 0)
                json_object_set_new(o, "reverse_spi", spi_str(cs->esp.sa[sa->reverse].spi));
        if (sa->sa >= 0)
                json_object_set_new(o, "tunnel", json_integer(sa->sa));
        json_object_set_new(o, "origin", json_string(origin_name(sa->origin)));
        opt(o, "negotiated_frame", sa->negotiated_frame);
        opt(o, "invalid_spi_frame", sa->invalid_spi_frame);
        json_object_set_new(o, "max_ip_length", json_integer(sa->max_ip_len));
        opt(o, "max_ip_length_frame", sa->max_ip_len_frame);
        json_object_set_new(o, "df_packets", json_integer((json_int_t)sa->df_packets));
        if (sa->path_mtu) {
                json_object_set_new(o, "path_mtu", json_integer(sa->path_mtu));
                json_object_set_new(o, "path_mtu_frame",
                                    json_integer((json_int_t)sa->path_mtu_frame));
                json_object_set_new(o, "over_path_mtu_after",
                                    json_integer((json_int_t)sa->over_mtu_after));
        }
        json_object_set_new(o, "ip_fragmented", json_integer((json_int_t)sa->fragmented));
        json_object_set_new(o, "lost_for_a_fragment", json_integer((json_int_t)sa->frags_lost));
        json_object_set_new(o, "text", json_string(cap_esp_line(cs, sa, line, sizeof(line))));
        return o;
}

int cap_esp_json(const struct cap_set *cs, json_t *o)
{
        json_t *arr = json_array();
        if (!arr)
                return -1;
        for (size_t i = 0; i < cs->esp.n; i++)
                json_array_append_new(arr, sa_json(cs, &cs->esp.sa[i]));
        json_object_set_new(o, "esp", arr);
        if (cs->esp.dropped_packets)
                json_object_set_new(o, "esp_packets_not_kept",
                                    json_integer((json_int_t)cs->esp.dropped_packets));
        if (cs->esp.frags_lost_unknown)
                json_object_set_new(o, "esp_lost_for_a_first_fragment",
                                    json_integer((json_int_t)cs->esp.frags_lost_unknown));
        return 0;
}

#define ADD(...)                                                                                   \
        do {                                                                                       \
                if (used < n)                                                                      \
                        used += (size_t)snprintf(buf + used, n - used, __VA_ARGS__);               \
        } while (0)

const char *cap_esp_line(const struct cap_set *cs, const struct cap_esp_sa *sa, char *buf, size_t n)
{
        char a[46], b[46];
        size_t used = 0;
        buf[0] = '\0';
        ADD("ESP SPI %08x %s -> %s%s: %llu packets, %llu bytes (frames %llu-%llu)", sa->spi,
            frame_addr_str(sa->af, sa->src, a), frame_addr_str(sa->af, sa->dst, b),
            sa->udp ? " in UDP 4500" : "", (unsigned long long)sa->packets,
            (unsigned long long)sa->bytes, (unsigned long long)sa->first_frame,
            (unsigned long long)sa->last_frame);
        ADD("; sequence %u-%u", sa->seq_first, sa->seq_max);
        if (sa->lost)
                ADD(", %llu never seen", (unsigned long long)sa->lost);
        if (sa->duplicates)
                ADD(", %llu duplicate%s (first frame %llu)", (unsigned long long)sa->duplicates,
                    sa->duplicates > 1 ? "s" : "", (unsigned long long)sa->first_dup_frame);
        for (int w = 0; w < 3; w++)
                if (sa->late[w])
                        ADD(", %llu behind a %u window", (unsigned long long)sa->late[w],
                            cap_esp_windows[w]);
        if (sa->reverse >= 0)
                ADD("; the other direction: SPI %08x", cs->esp.sa[sa->reverse].spi);
        else
                ADD("; no ESP in the other direction");
        if (sa->path_mtu)
                ADD("; path MTU %u (ICMP, frame %llu), largest packet %u, %llu over it after",
                    sa->path_mtu, (unsigned long long)sa->path_mtu_frame, sa->max_ip_len,
                    (unsigned long long)sa->over_mtu_after);
        if (sa->fragmented || sa->frags_lost)
                ADD("; %llu in IP fragments, %llu lost for a fragment",
                    (unsigned long long)sa->fragmented, (unsigned long long)sa->frags_lost);
        switch (sa->origin) {
        case ESP_NEGOTIATED:
                ADD("; negotiated in frame %llu", (unsigned long long)sa->negotiated_frame);
                break;
        case ESP_NOT_IN_DECRYPTED:
                ADD("; no decrypted exchange of the capture carried this SPI");
                break;
        case ESP_NOT_IN_CLEAR:
                ADD("; SPI not negotiated in clear");
                break;
        }
        if (sa->invalid_spi_frame)
                ADD("; INVALID_SPI names it (frame %llu)",
                    (unsigned long long)sa->invalid_spi_frame);
        return buf;
}
