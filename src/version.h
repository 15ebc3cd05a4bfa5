/* The program's version, printed by --version and in every JSON document.
 * Its own header so that report/ and trace/ need not include cli/. */
#ifndef IPSD_VERSION_H
#define IPSD_VERSION_H

#define IPSD_VERSION "0.1.0"

#endif
