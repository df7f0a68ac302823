package dev.orchestrion.runner.webhook.service;

import java.time.Duration;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

import dev.orchestrion.runner.webhook.repository.StoredSecretRepository;
import dev.orchestrion.runner.webhook.repository.StoredSecretRepository.StoredSecrets;

/**
 * Encrypts, at start-up, the signing secrets still stored in clear: those written before secrets were encrypted, and
 * any an older instance wrote during a rolling upgrade. Until then they are used as they are, so nothing waits for
 * this; a failure is logged and the next start tries again.
 */
@ApplicationScoped
public class StoredSecretsEncryption {

    private static final Logger LOG = Logger.getLogger(StoredSecretsEncryption.class);

    private final Pool pool;
    private final StoredSecretRepository secrets;
    private final SigningSecretCipher cipher;

    public StoredSecretsEncryption(Pool pool, StoredSecretRepository secrets, SigningSecretCipher cipher) {
        this.pool = pool;
        this.secrets = secrets;
        this.cipher = cipher;
    }

    void atStart(@Observes StartupEvent startup) {
        try {
            int encrypted = encryptClearSecrets().await().atMost(Duration.ofMinutes(2));
            if (encrypted > 0) {
                LOG.infof("Encrypted %d webhook signing secret row(s) that were stored in clear", encrypted);
            }
        } catch (RuntimeException e) {
            LOG.warnf("Encrypting the signing secrets stored in clear failed (%s); they stay usable and the next "
                    + "start tries again", e.getMessage());
        }
    }

    /** Encrypts every secret stored in clear; answers how many rows it changed. */
    public Uni<Integer> encryptClearSecrets() {
        return secrets.inClear(pool, SigningSecretCipher.SEALED)
                .chain(rows -> Multi.createFrom().iterable(rows).onItem().transformToUniAndConcatenate(this::encrypt)
                        .collect().with(Collectors.summingInt(replaced -> replaced ? 1 : 0)));
    }

    private Uni<Boolean> encrypt(StoredSecrets row) {
        return secrets.replace(pool, row, sealed(row.secret(), row.owner()), sealed(row.previousSecret(), row.owner()));
    }

    private String sealed(String stored, String owner) {
        return stored == null || SigningSecretCipher.isSealed(stored) ? stored : cipher.seal(stored, owner);
    }
}
