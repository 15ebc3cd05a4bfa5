# ipsec-doctor build. Plain make: every .c under src/ except main.c goes into
# one static library that the program, the unit tests and the fuzzers link.
#
#   make                 build/ipsec-doctor
#   make SAN=1           the same with AddressSanitizer + UBSan (build-san/)
#   make test            install the test deps, sanitizer build, whole suite (tests/run.sh)
#   make example         install the build deps, build, run the main job on examples/
#   make install         build/ipsec-doctor and the man page into $(DESTDIR)$(PREFIX)
#                        (PREFIX=/usr/local by default)
#   make fuzz            libFuzzer targets (clang) in build-fuzz/

CC      ?= cc
CSTD    := -std=c11 -pthread -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE
# Command-table rows leave their trailing fields out when those are zero, the
# default (src/config/cmdsem.h): C11 zero-fills them (6.7.9p21), so the warning
# for missing field initializers says nothing useful there.
WARN    := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wformat=2 -Wvla \
           -Wno-missing-field-initializers
CFLAGS  ?= -O3 -g
LIBS    := -ljansson -lcrypto -lpcap -lz -pthread

ifeq ($(SAN),1)
BUILD   ?= build-san
CFLAGS  += -O1 -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
LDFLAGS += -fsanitize=address,undefined
else
BUILD   ?= build
endif

ALL_CFLAGS := $(CSTD) $(WARN) $(CFLAGS) -MMD -MP

LIB_SRC  := $(sort $(shell find src -name '*.c' ! -name main.c))
LIB_OBJ  := $(LIB_SRC:%.c=$(BUILD)/obj/%.o)
TEST_SRC := $(sort $(wildcard tests/unit/test_*.c))
TEST_BIN := $(TEST_SRC:tests/unit/%.c=$(BUILD)/tests/%)
FUZZ_SRC := $(sort $(wildcard fuzz/fuzz_*.c))

PREFIX  ?= /usr/local
BINDIR  ?= $(PREFIX)/bin
MANDIR  ?= $(PREFIX)/share/man

.PHONY: all test unit example fuzz clean format lint deps test-deps install uninstall

all: $(BUILD)/ipsec-doctor

# V=1 shows the full commands.
Q := $(if $(V),,@)

$(BUILD)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	@$(if $(V),,echo "  CC      $<")
	$(Q)$(CC) $(ALL_CFLAGS) -c $< -o $@

$(BUILD)/libipsd.a: $(LIB_OBJ)
	@rm -f $@
	$(Q)ar rcs $@ $^

$(BUILD)/ipsec-doctor: $(BUILD)/obj/src/main.o $(BUILD)/libipsd.a
	@$(if $(V),,echo "  LD      $@")
	$(Q)$(CC) $(LDFLAGS) -o $@ $^ $(LIBS)

$(BUILD)/tests/%: tests/unit/%.c $(BUILD)/libipsd.a tests/unit/test_util.h
	@mkdir -p $(dir $@)
	@$(if $(V),,echo "  TEST    $@")
	$(Q)$(CC) $(ALL_CFLAGS) -Isrc $(LDFLAGS) -o $@ $< $(BUILD)/libipsd.a $(LIBS) -lcmocka

# The decoder's dump for tests/scripts/wire-tshark.sh (compared with tshark).
$(BUILD)/tests/wire_dump: tests/tools/wire_dump.c $(BUILD)/libipsd.a
	@mkdir -p $(dir $@)
	@$(if $(V),,echo "  TOOL    $@")
	$(Q)$(CC) $(ALL_CFLAGS) -Isrc $(LDFLAGS) -o $@ $< $(BUILD)/libipsd.a $(LIBS)

# The decrypted payloads for tests/scripts/capture-keys.sh (compared with tshark).
$(BUILD)/tests/keys_dump: tests/tools/keys_dump.c $(BUILD)/libipsd.a
	@mkdir -p $(dir $@)
	@$(if $(V),,echo "  TOOL    $@")
	$(Q)$(CC) $(ALL_CFLAGS) -Isrc $(LDFLAGS) -o $@ $< $(BUILD)/libipsd.a $(LIBS)

# The IKEv1 initiator engine alone, for tests/peer/test_live_v1.py.
$(BUILD)/tests/initiator_v1: tests/tools/initiator_v1.c $(BUILD)/libipsd.a
	@mkdir -p $(dir $@)
	@$(if $(V),,echo "  TOOL    $@")
	$(Q)$(CC) $(ALL_CFLAGS) -Isrc $(LDFLAGS) -o $@ $< $(BUILD)/libipsd.a $(LIBS)

unit: $(TEST_BIN) $(BUILD)/tests/wire_dump $(BUILD)/tests/keys_dump $(BUILD)/tests/initiator_v1

# The runtime build needs only a compiler and the libraries; the suite's
# tools (cmocka, clang, cppcheck, chromium, ...) install with `make test`.
deps:
	@scripts/install-deps.sh

test-deps:
	@scripts/install-deps.sh --test

# The README's second command: everything, under ASan + UBSan.
test: test-deps
	$(MAKE) SAN=1 all unit
	tests/run.sh build-san

# The README's first command: the main job on the bundled example.
# Exit 1 means "findings", which is the point of the broken example; only a
# usage or input error (2) fails the target.
example: deps
	$(MAKE) all
	./build/ipsec-doctor check --format text examples/hq-asa.cfg examples/branch-ios.cfg; \
	  rc=$$?; [ $$rc -le 1 ]

# Installs $(BUILD)'s program (build/, -O3) and the man page,
# so that `man ipsec-doctor` works; DESTDIR stages it for a package.
install: $(BUILD)/ipsec-doctor
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1
	install -m 0755 $(BUILD)/ipsec-doctor $(DESTDIR)$(BINDIR)/ipsec-doctor
	install -m 0644 man/ipsec-doctor.1 $(DESTDIR)$(MANDIR)/man1/ipsec-doctor.1

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/ipsec-doctor $(DESTDIR)$(MANDIR)/man1/ipsec-doctor.1

# Fuzzers: the library is built once with fuzzer instrumentation, then each
# target links against it.
FUZZ_CFLAGS := $(CSTD) -g -O1 -fsanitize=fuzzer-no-link,address,undefined -MMD -MP
FUZZ_OBJ := $(LIB_SRC:%.c=build-fuzz/obj/%.o)
FUZZ_BIN := $(FUZZ_SRC:fuzz/%.c=build-fuzz/%)

build-fuzz/obj/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "  CC-FUZZ $<"
	$(Q)clang $(FUZZ_CFLAGS) -c $< -o $@

build-fuzz/%: fuzz/%.c $(FUZZ_OBJ)
	@echo "  FUZZER  $@"
	$(Q)clang $(CSTD) -g -O1 -fsanitize=fuzzer,address,undefined -Isrc -o $@ $< $(FUZZ_OBJ) $(LIBS)

.SECONDARY: $(FUZZ_OBJ)

fuzz: $(FUZZ_BIN)

format:
	clang-format -i $$(find src tests/unit fuzz -name '*.[ch]')

lint:
	cppcheck --quiet --error-exitcode=1 --enable=warning,performance,portability \
	  --std=c11 --inline-suppr -I src src

clean:
	rm -rf build build-san build-fuzz

-include $(LIB_OBJ:.o=.d)
-include $(FUZZ_OBJ:.o=.d)
