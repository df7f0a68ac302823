package dev.orchestrion.content.repository;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoServerException;

/** Recognises MongoDB write errors the repositories answer with a problem. */
final class MongoErrors {

    private MongoErrors() {
    }

    /** A unique index refused the write: a write error (insert) or a command error (findOneAnd...), code 11000. */
    static boolean duplicateKey(Throwable e) {
        return e instanceof MongoServerException server
                && ErrorCategory.fromErrorCode(server.getCode()) == ErrorCategory.DUPLICATE_KEY;
    }
}
