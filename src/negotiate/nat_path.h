/*
 * A tunnel through a static NAT on a third device (issue 10, "why an
 * endpoint does not answer"): `tunnel A B NAT.cfg` reads the NAT device's
 * static one-to-one translations, `--nat OUTSIDE=INSIDE` gives one by hand.
 * The initiator's peer address is then the outside address, and the
 * responder owns the inside one.
 */
#ifndef IPSD_NAT_PATH_H
#define IPSD_NAT_PATH_H

#include "pair.h"

/* Adds one translation; -1 when the table is full or outside is mapped
 * already to another address. */
int path_add_nat(struct path_opts *p, uint32_t outside, uint32_t inside, const struct loc *loc,
                 const char *device);

/* Reads dev's static one-to-one host translations into p: IOS "ip nat
 * inside source static L G", ASA/PIX "static (in,out) G L [netmask
 * 255.255.255.255]", ASA 8.3+ object NAT "nat (in,out) static G" of a host
 * object. Port forwards (tcp/udp) and identity entries are left out.
 * Returns the number added, or -1 when the table is full. */
int path_nat_from_device(struct path_opts *p, const struct device *dev);

/* The translation whose outside address is addr, or NULL. */
const struct nat_map *path_nat_outside(const struct path_opts *p, uint32_t addr);
/* The translation whose inside address is addr, or NULL. */
const struct nat_map *path_nat_inside(const struct path_opts *p, uint32_t addr);

/* dev owns addr, or the inside address addr is translated to. */
bool path_dev_owns(const struct path_opts *p, const struct device *dev, uint32_t addr);

/* As pair_connected (discover.h), with addresses seen through p's
 * translations, or a copied config (side_misaddressed). */
bool pair_connected_path(const struct device *a, const struct device *b, const struct path_opts *p);

#endif
