package dev.orchestrion.cases.rest;

import java.util.List;

/**
 * One page of a case search.
 *
 * @param items the cases on this page, newest first
 * @param page the page index, from 0
 * @param size the page size asked for
 * @param total how many cases match in all
 */
public record CasePage(List<CaseResponse> items, int page, int size, long total) {
}
