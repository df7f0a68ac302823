package dev.orchestrion.content.repository;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;

/** Recognises MongoDB write errors the repositories answer with a problem. */
final class MongoErrors {

    private MongoErrors() {
    }

    static boolean duplicateKey(Throwable e) {
        return e instanceof MongoWriteException write
                && ErrorCategory.fromErrorCode(write.getError().getCode()) == ErrorCategory.DUPLICATE_KEY;
    }
}
