package dev.orchestrion.runner.hook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.orchestrion.runner.hook.service.PathTemplate;

class PathTemplateTest {

    @Test
    void variablesMatchOneSegmentEach() {
        PathTemplate template = PathTemplate.of("orders/{orderId}/items/{item}");
        assertThat(template.match("orders/42/items/book")).isEqualTo(Map.of("orderId", "42", "item", "book"));
        assertThat(template.match("/orders/42/items/book/")).isEqualTo(Map.of("orderId", "42", "item", "book"));
        assertThat(template.match("orders/42/items")).isNull();
        assertThat(template.match("orders/42/x/items/book")).isNull();
        assertThat(template.match("orders//items/book")).isNull();
    }

    @Test
    void literalsMustMatchExactlyAndValuesArePercentDecoded() {
        PathTemplate template = PathTemplate.of("shop.v1/order-{id}");
        assertThat(template.match("shop.v1/order-a%20b")).isEqualTo(Map.of("id", "a b"));
        assertThat(template.match("shopXv1/order-1")).isNull();
        assertThat(PathTemplate.of("ping").match("ping")).isEmpty();
    }

    @Test
    void moreLiteralTextIsMoreSpecific() {
        assertThat(PathTemplate.of("orders/latest").specificity())
                .isGreaterThan(PathTemplate.of("orders/{id}").specificity());
    }
}
