package vn.chungtay.shared.paging;

import java.util.List;

/** One page of a longer list: the items, the 0-based page number, the page size and the total. */
public record Page<T>(List<T> items, int number, int size, long totalItems) {

    public Page {
        if (number < 0 || size < 1 || totalItems < 0) {
            throw new IllegalArgumentException("Invalid page: number=" + number + " size=" + size);
        }
        items = List.copyOf(items);
    }

    public int totalPages() {
        return (int) ((totalItems + size - 1) / size);
    }

    public boolean first() {
        return number == 0;
    }

    public boolean last() {
        return number + 1 >= totalPages();
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    /** The row offset of a page number, clamped to non-negative. */
    public static int offset(int number, int size) {
        return Math.max(0, number) * size;
    }
}
