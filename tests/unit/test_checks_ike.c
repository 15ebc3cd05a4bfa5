/* ike area checks whose input the readers cannot produce yet (QoS on the
 * crypto interface, 'nem enable'): driven from hand-built models. */
#include "test_util.h"

#include <string.h>

#include "checks/checks_list.h"
#include "model_build.h"

/* An ASA with crypto map OUT applied to nameif outside. */
static struct device *asa_with_map(void)
{
        struct device *dev = model_new("t.cfg");
        dev->platform = PLAT_ASA;
        dev->version = (struct version){9, 8, 4, NULL};
        struct loc l = mk_loc(10);
        struct iface *f = model_obtain_iface(dev, "GigabitEthernet0/0", &l);
        model_set_nameif(dev, f, "outside");
        struct crypto_map_binding *b = model_alloc(dev, sizeof(*b));
        b->loc = mk_loc(20);
        b->map = "OUT";
        b->ifname = "outside";
        ptrvec_push(&dev->arena, &dev->cmap_bindings, b);
        return dev;
}

static size_t run(struct device *dev, const char *id, check_fn fn, struct findings *fs)
{
        findings_init(fs);
        struct check_ctx c = {dev, fs, id};
        assert_int_equal(fn(&c), 0);
        return fs->list.n;
}

static void anti_replay_with_priority_queue(void **state)
{
        (void)state;
        struct device *dev = asa_with_map();
        struct iface *f = model_get_nameif(dev, "outside");
        f->priority_queue = true;
        f->qos_loc = mk_loc(30);
        struct findings fs;
        assert_int_equal(run(dev, "anti-replay-drops", check_anti_replay_drops, &fs), 1);
        const struct finding *fd = fs.list.v[0];
        assert_int_equal(fd->line, 30);
        assert_non_null(strstr(fd->title, "priority queueing"));
        assert_int_equal(fd->nfixes, 1);
        assert_string_equal(fd->fixes[0].commands[0],
                            "crypto ipsec security-association replay window-size 1024");
        findings_free(&fs);

        /* a raised window: nothing to say */
        dev->ipsec.replay_window = 1024;
        assert_int_equal(run(dev, "anti-replay-drops", check_anti_replay_drops, &fs), 0);
        findings_free(&fs);
        dev->ipsec.replay_window = 0;
        dev->ipsec.replay_disabled = true;
        assert_int_equal(run(dev, "anti-replay-drops", check_anti_replay_drops, &fs), 0);
        findings_free(&fs);
        model_free(dev);
}

static void anti_replay_without_qos(void **state)
{
        (void)state;
        struct device *dev = asa_with_map();
        struct findings fs;
        assert_int_equal(run(dev, "anti-replay-drops", check_anti_replay_drops, &fs), 0);
        findings_free(&fs);
        model_free(dev);
}

static struct tunnel_group *ra_group(struct device *dev, const char *name, const char *gp)
{
        struct loc l = mk_loc(40);
        struct tunnel_group *tg = model_obtain_tg(dev, name, &l);
        tg->type = TG_RA;
        tg->default_group_policy = gp;
        return tg;
}

static void ezvpn_nem_enable(void **state)
{
        (void)state;
        struct device *dev = asa_with_map();
        struct loc l = mk_loc(50);
        struct group_policy *gp = model_obtain_gp(dev, "GP-SITES", &l);
        gp->a.tunnel_protocols_set = true;
        gp->a.tunnel_protocols = VPN_PROTO_IPSEC;
        gp->a.nem_set = gp->a.nem = true;
        gp->a.nem_loc = mk_loc(52);
        struct tunnel_group *tg = ra_group(dev, "SITES", "GP-SITES");
        struct findings fs;
        assert_int_equal(run(dev, "ezvpn-xauth", check_ezvpn_xauth, &fs), 1);
        const struct finding *fd = fs.list.v[0];
        assert_int_equal(fd->line, 40);
        assert_int_equal(fd->nev, 2);
        assert_int_equal(fd->ev[1].line, 52);
        findings_free(&fs);

        /* XAUTH off for the group: fine; nem disabled and a plain name: no signal */
        tg->ikev1_user_auth = TRI_OFF;
        assert_int_equal(run(dev, "ezvpn-xauth", check_ezvpn_xauth, &fs), 0);
        findings_free(&fs);
        tg->ikev1_user_auth = TRI_UNSET;
        gp->a.nem = false;
        assert_int_equal(run(dev, "ezvpn-xauth", check_ezvpn_xauth, &fs), 0);
        findings_free(&fs);
        model_free(dev);
}

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(anti_replay_with_priority_queue),
            cmocka_unit_test(anti_replay_without_qos),
            cmocka_unit_test(ezvpn_nem_enable),
        };
        return cmocka_run_group_tests(tests, NULL, NULL);
}
