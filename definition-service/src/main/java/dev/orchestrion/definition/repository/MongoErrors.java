package dev.orchestrion.definition.repository;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoServerException;

/** Recognises MongoDB errors the repositories answer with a problem. */
final class MongoErrors {

    private MongoErrors() {
    }

    /**
     * A unique index refused the write. An insert reports it as a write error, a findOneAndReplace or
     * findOneAndUpdate (a command) as a command error: both carry code 11000.
     */
    static boolean duplicateKey(Throwable e) {
        return e instanceof MongoServerException server
                && ErrorCategory.fromErrorCode(server.getCode()) == ErrorCategory.DUPLICATE_KEY;
    }
}
